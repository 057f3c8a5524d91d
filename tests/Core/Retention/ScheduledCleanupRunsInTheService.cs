using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Retention;

public sealed class ScheduledCleanupRunsInTheService
{
    [Fact]
    public async Task WithAScheduleTheServiceCleansUpAtStartAndAuditsIt()
    {
        await using var database = await TestDatabase.CreateAsync("monolith_retention");
        await using (await TestHost.StartAsync(TestHost.Settings(database.ConnectionString)))
        {
            // The first host only migrates; the rows below exist before the scheduled host starts.
        }

        await ExecuteAsync(database.ConnectionString, """
            INSERT INTO conversations (id, user_id, chat_id, status) VALUES ('00000000-0000-0000-0000-000000000001', 1, 1, 'open');
            INSERT INTO messages (conversation_id, sequence, role, content, created_at)
            SELECT '00000000-0000-0000-0000-000000000001', n, 'user', 'old', now() - interval '40 days' FROM generate_series(1, 3) AS n;
            INSERT INTO messages (conversation_id, sequence, role, content) VALUES ('00000000-0000-0000-0000-000000000001', 4, 'user', 'new');
            """);
        var settings = TestHost.Settings(database.ConnectionString);
        settings["RETENTION_SCHEDULE_MINUTES"] = "600";
        settings["RETENTION_MESSAGES_DAYS"] = "30";

        await using var scheduled = await TestHost.StartAsync(settings);
        const string audited = "SELECT count(*) FROM audit_log WHERE action = 'cleanup' AND actor = 'retention-schedule'";
        // The run is asynchronous to start-up.
        await Eventually.TrueAsync(async () => await CountAsync(database.ConnectionString, audited) > 0, limitSeconds: 60);

        Assert.Equal(1, await CountAsync(database.ConnectionString, audited));
        Assert.Equal(1, await CountAsync(database.ConnectionString, "SELECT count(*) FROM messages"));
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
