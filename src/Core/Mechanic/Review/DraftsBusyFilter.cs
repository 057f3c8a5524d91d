using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Monolith.Mechanic;

/// <summary>Answers 503 problem+json with Retry-After when every draft slot is taken: the service is busy, the request was fine.</summary>
public sealed class DraftsBusyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (DraftsBusyException busy)
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many drafts at once.", detail: busy.Message);
        }
    }
}
