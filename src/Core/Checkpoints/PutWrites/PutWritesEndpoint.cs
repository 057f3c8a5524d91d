using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Checkpoints;

/// <summary>
/// POST /api/threads/{threadId}/checkpoints/{checkpointId}/writes → 204. The checkpoint need not exist yet: LangGraph
/// sends a step's writes while the put of its checkpoint may still be in flight.
/// </summary>
public static class PutWritesEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder checkpoints) =>
        checkpoints.MapPost("/{checkpointId}/writes", HandleAsync).Validates<PutWritesRequest>();

    private static async Task<NoContent> HandleAsync([AsParameters] PutWritesRequest request, CheckpointStore store, CancellationToken cancellationToken)
    {
        var body = request.Body;
        await store.PutWritesAsync(request.ThreadId, body.Ns ?? string.Empty, request.CheckpointId, body.TaskId!, body.TaskPath ?? string.Empty, body.Writes!, cancellationToken);
        return TypedResults.NoContent();
    }
}
