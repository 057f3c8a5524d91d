using Monolith.Tests.Support;
using Npgsql;
using static Monolith.Tests.Core.Conversations.ConversationsApi;

namespace Monolith.Tests.Core.Conversations;

public sealed class UserStatsCountConversationsMessagesAndToolCalls(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task CountsTheUsersRowsIncludingToolUsageOfTheirConversations()
    {
        var client = Fixture.Client();
        var first = await StartIdAsync(client, 42, 1);
        var second = await StartIdAsync(client, 42, 2);
        var others = await StartIdAsync(client, 43, 1);
        await AppendAsync(client, first, "one");
        await AppendAsync(client, first, "two");
        var last = await AppendAsync(client, second, "three");
        await AppendAsync(client, others, "not mine");
        // tool_usage is the Registry module's table; rows are written here the way that module stores them.
        await RecordToolUsageAsync(first, first, second, others, null);

        var stats = await GetAsync(client, "/api/users/42/stats");
        Assert.Equal(2, stats.GetProperty("conversations").GetInt64());
        Assert.Equal(3, stats.GetProperty("messages").GetInt64());
        Assert.Equal(3, stats.GetProperty("toolCalls").GetInt64());
        Assert.True(stats.GetProperty("lastActivity").GetDateTime() >= last.GetProperty("createdAt").GetDateTime());
    }

    private async Task RecordToolUsageAsync(params Guid?[] conversations)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var tool = new NpgsqlCommand("INSERT INTO tools (name, module_path) VALUES ('weather', 'tools/weather.py') RETURNING id", connection);
        var toolId = (Guid)(await tool.ExecuteScalarAsync())!;
        foreach (var conversation in conversations)
        {
            await using var usage = new NpgsqlCommand("INSERT INTO tool_usage (tool_id, conversation_id, execution_time_ms) VALUES ($1, $2, 5)", connection);
            usage.Parameters.Add(new NpgsqlParameter { Value = toolId });
            usage.Parameters.Add(new NpgsqlParameter { Value = (object?)conversation ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
            await usage.ExecuteNonQueryAsync();
        }
    }
}
