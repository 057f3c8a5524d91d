using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Checkpoints;

/// <summary>
/// PUT /api/threads/{threadId}/checkpoints/{checkpointId} → 201 when the id is new, 200 when it overwrote the checkpoint
/// stored under that id (LangGraph's savers overwrite too: the runtime that minted the id is its only writer).
/// </summary>
public static class PutCheckpointEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder checkpoints) =>
        checkpoints.MapPut("/{checkpointId}", HandleAsync).Validates<PutCheckpointRequest>();

    private static async Task<Results<Created<CheckpointView>, Ok<CheckpointView>>> HandleAsync(
        [AsParameters] PutCheckpointRequest request, CheckpointStore store, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var put = await store.PutAsync(request.ThreadId, body.Ns ?? string.Empty, request.CheckpointId, body.ParentId, body.Checkpoint, body.Metadata, cancellationToken);
        if (!put.Created)
        {
            return TypedResults.Ok(put.Checkpoint);
        }

        var location = $"/api/threads/{Uri.EscapeDataString(request.ThreadId)}/checkpoints/{Uri.EscapeDataString(request.CheckpointId)}?ns={Uri.EscapeDataString(put.Checkpoint.Ns)}";
        return TypedResults.Created(location, put.Checkpoint);
    }
}
