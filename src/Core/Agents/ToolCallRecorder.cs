using Monolith.Database;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Agents;

/// <summary>
/// Writes each tool call to tool_usage with its timing. A built-in tool not yet in the registry is registered
/// (module_path "builtin:NAME") in the same transaction, since every usage row belongs to a registered tool.
/// </summary>
public sealed class ToolCallRecorder(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(ToolCall call, Guid conversationId, Guid messageId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var register = new NpgsqlCommand(
            "INSERT INTO tools (name, description, module_path) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING", connection, transaction))
        {
            register.Parameters.Add(new NpgsqlParameter<string> { TypedValue = call.Name });
            register.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "Called by an agent; registered on first use." });
            register.Parameters.Add(new NpgsqlParameter<string> { TypedValue = BuiltInTools.ModulePathPrefix + call.Name });
            await register.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var usage = new NpgsqlCommand("""
            INSERT INTO tool_usage (tool_id, conversation_id, message_id, arguments, result, execution_time_ms, server_name)
            SELECT id, $2, $3, $4, $5, $6, 'monolith' FROM tools WHERE name = $1
            """, connection, transaction))
        {
            usage.Parameters.Add(new NpgsqlParameter<string> { TypedValue = call.Name });
            usage.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = conversationId });
            usage.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
            usage.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonbText.Sanitize(call.Arguments), NpgsqlDbType = NpgsqlDbType.Jsonb });
            usage.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonbText.Sanitize(call.Result), NpgsqlDbType = NpgsqlDbType.Jsonb });
            usage.Parameters.Add(new NpgsqlParameter<int> { TypedValue = call.ExecutionTimeMs });
            await usage.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
