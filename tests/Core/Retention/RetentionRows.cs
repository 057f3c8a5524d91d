using Microsoft.Extensions.DependencyInjection;
using Monolith.Audit;
using Monolith.Retention;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Retention;

/// <summary>Seeds conversations, messages and checkpoints with explicit ages, and reads back what survived a cleanup.</summary>
public sealed class RetentionRows(MonolithFixture fixture)
{
    public static RetentionSettings Settings(int? messagesDays = null, int? closedDays = null, int? keepCheckpoints = null, int batchSize = 5_000) =>
        new(messagesDays, closedDays, keepCheckpoints, null, batchSize);

    public RetentionCleanup Cleanup(RetentionSettings settings) =>
        new(settings, fixture.Host.Services.GetRequiredService<NpgsqlDataSource>(), fixture.Host.Services.GetRequiredService<AuditLog>());

    /// <returns>The conversation's id.</returns>
    public async Task<Guid> ConversationAsync(string status, double updatedDaysAgo, long userId = 1)
    {
        return (Guid)(await ScalarAsync(
            "INSERT INTO conversations (user_id, chat_id, status, created_at, updated_at) VALUES ($1, $1, $2, now() - make_interval(secs => $3 * 86400), now() - make_interval(secs => $3 * 86400)) RETURNING id",
            userId, status, updatedDaysAgo))!;
    }

    /// <summary>Adds <paramref name="count"/> messages created <paramref name="daysAgo"/> days ago, after the conversation's existing ones.</summary>
    public async Task MessagesAsync(Guid conversation, int count, double daysAgo) =>
        await ScalarAsync(
            """
            INSERT INTO messages (conversation_id, sequence, role, content, created_at)
            SELECT $1, coalesce((SELECT max(sequence) FROM messages WHERE conversation_id = $1), 0) + n, 'user', 'message ' || n, now() - make_interval(secs => $3 * 86400)
            FROM generate_series(1, $2) AS n
            """,
            conversation, count, daysAgo);

    public async Task CheckpointAsync(string thread, string ns, string checkpointId, int writes = 0)
    {
        await ScalarAsync(
            "INSERT INTO langgraph_checkpoints (thread_id, checkpoint_ns, checkpoint_id, checkpoint) VALUES ($1, $2, $3, '{}')", thread, ns, checkpointId);
        await ScalarAsync(
            "INSERT INTO checkpoint_writes (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, value) SELECT $1, $2, $3, 'task', n, 'ch', '1' FROM generate_series(1, $4) AS n",
            thread, ns, checkpointId, writes);
    }

    public async Task<long> CountAsync(string sql, params object[] parameters) => (long)(await ScalarAsync(sql, parameters))!;

    public async Task<List<string>> ListAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public async Task<object?> ScalarAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteScalarAsync();
    }
}
