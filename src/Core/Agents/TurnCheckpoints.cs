using System.Text.Json;
using System.Text.Json.Nodes;
using Monolith.Checkpoints;

namespace Monolith.Agents;

/// <summary>
/// Writes one LangGraph-style checkpoint per agent turn through the checkpoints module: thread = the conversation id,
/// checkpoint ids are time-ordered (UUIDv7 text sorts by time), the parent is the thread's latest checkpoint.
/// </summary>
public sealed class TurnCheckpoints(CheckpointStore store)
{
    public async Task<string> WriteAsync(Guid conversationId, JsonObject state, JsonObject metadata, CancellationToken cancellationToken)
    {
        var checkpointId = Guid.CreateVersion7().ToString();
        state["v"] = 1;
        state["id"] = checkpointId;
        state["ts"] = DateTime.UtcNow.ToString("O");
        await store.AppendAsync(
            conversationId.ToString(), string.Empty, checkpointId,
            JsonSerializer.SerializeToElement(state), JsonSerializer.SerializeToElement(metadata), cancellationToken);
        return checkpointId;
    }
}
