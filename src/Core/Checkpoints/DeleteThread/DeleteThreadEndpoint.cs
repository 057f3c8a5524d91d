using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Checkpoints;

/// <summary>
/// DELETE a thread → 204 after removing its checkpoints, channel values and writes in every namespace, audited with
/// the key's role as actor; 404 (and no audit row) when it had nothing. A LangGraph runtime holds only the service key,
/// so the route exists under it as well as under the admin key.
/// </summary>
public static class DeleteThreadEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder thread) =>
        thread.MapDelete("/", HandleAsync).Validates<DeleteThreadRequest>();

    private static async Task<Results<NoContent, NotFoundProblem>> HandleAsync(
        [AsParameters] DeleteThreadRequest request, CheckpointStore store, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await store.DeleteThreadAsync(request.ThreadId, user.Identity?.Name ?? "unknown", cancellationToken) is null
            ? new NotFoundProblem($"Thread '{request.ThreadId}' has no checkpoints or writes.")
            : TypedResults.NoContent();
}
