using System.Net;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Checkpoints;

public sealed class LatestCheckpointIsPerThreadAndNamespace(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task LatestIsTheGreatestIdOfThatThreadAndNamespace()
    {
        var client = Fixture.Client();
        // Put out of order: latest follows the id, not the insertion time.
        foreach (var (thread, ns, id) in new[]
        {
            ("a", "", "1ef0-0003"), ("a", "", "1ef0-0001"), ("a", "", "1ef0-0002"),
            ("a", "sub", "1ef0-0009"), ("a", "sub", "1ef0-0004"),
            ("b", "", "1ef0-0005"),
        })
        {
            await CheckpointApi.PutOkAsync(client, thread, id, ns);
        }

        Assert.Equal("1ef0-0003", await LatestIdAsync(client, "/api/threads/a/checkpoints/latest"));
        Assert.Equal("1ef0-0003", await LatestIdAsync(client, "/api/threads/a/checkpoints/latest?ns="));
        Assert.Equal("1ef0-0009", await LatestIdAsync(client, "/api/threads/a/checkpoints/latest?ns=sub"));
        Assert.Equal("1ef0-0005", await LatestIdAsync(client, "/api/threads/b/checkpoints/latest"));
    }

    [Fact]
    public async Task IdsCompareByteWiseNotByLocale()
    {
        var client = Fixture.Client();
        // Under a linguistic collation "b" sorts after "B" and "_" is ignored; byte-wise, 'b' (0x62) > '_' (0x5F) > 'B' (0x42).
        foreach (var id in new[] { "B", "b", "_" })
        {
            await CheckpointApi.PutOkAsync(client, "bytes", id);
        }

        Assert.Equal("b", await LatestIdAsync(client, "/api/threads/bytes/checkpoints/latest"));
        var page = await CheckpointApi.GetJsonAsync(client, "/api/threads/bytes/checkpoints");
        Assert.Equal(["b", "_", "B"], CheckpointApi.Ids(page));
    }

    [Fact]
    public async Task CheckpointIdColumnsCollateByteWiseWhateverTheDatabaseDefault()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT table_name || ':' || coalesce(collation_name, 'default') FROM information_schema.columns
            WHERE table_schema = 'public' AND column_name = 'checkpoint_id' ORDER BY table_name
            """, connection);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        Assert.Equal(["checkpoint_writes:C", "langgraph_checkpoints:C"], columns);
    }

    [Fact]
    public async Task ThreadWithoutCheckpointsIs404Problem()
    {
        await CheckpointApi.PutOkAsync(Fixture.Client(), "a", "0001", "sub");
        var response = await Fixture.Client().GetAsync(new Uri("/api/threads/a/checkpoints/latest", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LatestReadsTheUniqueIndexBackwardsWithoutSorting()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using (var fill = new NpgsqlCommand("""
            INSERT INTO langgraph_checkpoints (thread_id, checkpoint_ns, checkpoint_id, checkpoint)
            SELECT 'thread-' || (i % 200), '', lpad(i::text, 8, '0'), '{}' FROM generate_series(1, 20000) AS i;
            ANALYZE langgraph_checkpoints;
            """, connection))
        {
            await fill.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand(
            "EXPLAIN SELECT * FROM langgraph_checkpoints WHERE thread_id = 'thread-7' AND checkpoint_ns = '' ORDER BY checkpoint_id DESC LIMIT 1",
            connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        var text = string.Join('\n', plan);
        Assert.Contains("Index Scan Backward using \"PK_langgraph_checkpoints\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", text, StringComparison.Ordinal);
    }

    private static async Task<string?> LatestIdAsync(HttpClient client, string url) =>
        (await CheckpointApi.GetJsonAsync(client, url)).GetProperty("checkpointId").GetString();
}
