using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Checkpoints;

/// <summary>GET /api/threads/{threadId}/checkpoints/{checkpointId}?ns= → the checkpoint with its pending writes (LangGraph get_tuple), or 404.</summary>
public static class GetCheckpointEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder checkpoints) =>
        checkpoints.MapGet("/{checkpointId}", HandleAsync).Validates<GetCheckpointQuery>();

    private static async Task<Results<Ok<CheckpointView>, NotFoundProblem>> HandleAsync(
        [AsParameters] GetCheckpointQuery query, CheckpointStore store, CancellationToken cancellationToken)
    {
        var ns = query.Ns ?? string.Empty;
        return await store.FindAsync(query.ThreadId, ns, query.CheckpointId, cancellationToken) is { } checkpoint
            ? TypedResults.Ok(checkpoint)
            : new NotFoundProblem($"Thread '{query.ThreadId}' has no checkpoint '{query.CheckpointId}' in ns '{ns}'.");
    }
}
