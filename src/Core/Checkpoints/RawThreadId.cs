using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Monolith.Checkpoints;

/// <summary>
/// Reads the thread id from the request target as the client sent it. The server decodes every escape in the path
/// but %2F, so "user/42" (sent as user%2F42) and "user%2F42" (sent as user%252F42) would both reach the route as
/// "user%2F42"; decoding the raw segment once keeps them two threads.
/// </summary>
public sealed class RawThreadId : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (FromTarget(context.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget) is { } threadId)
        {
            for (var i = 0; i < context.Arguments.Count; i++)
            {
                if (context.Arguments[i] is IThreadAddressed addressed)
                {
                    context.Arguments[i] = addressed.WithThreadId(threadId);
                }
            }
        }

        return await next(context);
    }

    /// <summary>The segment after "threads" in an origin-form target (/api/threads/{id}/... or /api/admin/threads/{id}), decoded once.</summary>
    public static string? FromTarget(string? target)
    {
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            return null;
        }

        var path = target.Split('?', 2)[0];
        var segments = path.Split('/');
        var at = Array.IndexOf(segments, "threads");
        return at < 0 || at + 1 >= segments.Length || segments[at + 1].Length == 0 ? null : Uri.UnescapeDataString(segments[at + 1]);
    }
}
