using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Checkpoints;

/// <summary>GET /api/threads/{threadId}/checkpoints/latest?ns= → the checkpoint with the greatest id in (thread, ns), or 404.</summary>
public static class GetLatestCheckpointEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder checkpoints) =>
        checkpoints.MapGet("/latest", HandleAsync).Validates<LatestCheckpointQuery>();

    private static async Task<Results<Ok<CheckpointView>, NotFoundProblem>> HandleAsync(
        [AsParameters] LatestCheckpointQuery query, CheckpointStore store, CancellationToken cancellationToken)
    {
        var ns = query.Ns ?? string.Empty;
        return await store.FindAsync(query.ThreadId, ns, null, cancellationToken) is { } latest
            ? TypedResults.Ok(latest)
            : new NotFoundProblem($"Thread '{query.ThreadId}' has no checkpoint in ns '{ns}'.");
    }
}
