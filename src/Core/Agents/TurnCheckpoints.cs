using System.Text.Json.Nodes;
using Monolith.Database;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Agents;

/// <summary>
/// Writes one LangGraph-style checkpoint per agent turn: thread = the conversation id, checkpoint ids are
/// time-ordered (UUIDv7 text sorts by time), the parent is the thread's previous checkpoint.
/// </summary>
public sealed class TurnCheckpoints(NpgsqlDataSource dataSource)
{
    public async Task<string> WriteAsync(Guid conversationId, JsonObject state, JsonObject metadata, CancellationToken cancellationToken)
    {
        var checkpointId = Guid.CreateVersion7().ToString();
        state["v"] = 1;
        state["id"] = checkpointId;
        state["ts"] = DateTime.UtcNow.ToString("O");
        await using var put = dataSource.CreateCommand("""
            INSERT INTO langgraph_checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_id, checkpoint, metadata)
            SELECT $1, '', $2,
                   (SELECT checkpoint_id FROM langgraph_checkpoints WHERE thread_id = $1 AND checkpoint_ns = '' ORDER BY checkpoint_id DESC LIMIT 1),
                   $3, $4
            """);
        put.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId.ToString() });
        put.Parameters.Add(new NpgsqlParameter<string> { TypedValue = checkpointId });
        put.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonbText.Sanitize(state.ToJsonString()), NpgsqlDbType = NpgsqlDbType.Jsonb });
        put.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonbText.Sanitize(metadata.ToJsonString()), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await put.ExecuteNonQueryAsync(cancellationToken);
        return checkpointId;
    }
}
