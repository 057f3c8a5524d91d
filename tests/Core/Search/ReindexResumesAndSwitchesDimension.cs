using System.Text;
using Monolith.Host.Cli;
using Monolith.Operations;
using Monolith.Search;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Search;

public sealed class ReindexResumesAndSwitchesDimension(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task AStoppedReindexContinuesAfterTheLastBatch()
    {
        var client = Fixture.Client();
        for (var i = 0; i < 10; i++)
        {
            await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 1, $"note {i} about the {(i % 2 == 0 ? "garden" : "kitchen")}");
        }

        await ScalarAsync("UPDATE search_index SET embedding = $1::vector", Stale);

        using var stop = new CancellationTokenSource();
        var first = new StoppingWriter(stop, "reindex: 3/10");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new ReindexCommand().RunAsync(Fixture.Host.Services, OperatorArguments.Parse(["--batch", "3"]), first, stop.Token));
        Assert.Equal(3L, await ScalarAsync("SELECT done FROM search_reindex_progress WHERE scope = '*'"));
        Assert.Equal(3L, await StaleCountAsync(invert: true));

        var second = new StringWriter();
        var exit = await new ReindexCommand().RunAsync(Fixture.Host.Services, OperatorArguments.Parse(["--batch", "3"]), second, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("reindex: resuming after 3 documents", second.ToString(), StringComparison.Ordinal);
        Assert.Contains("reindex: 10/10 documents", second.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("reindex: 3/10", second.ToString(), StringComparison.Ordinal);
        Assert.Equal(0L, await StaleCountAsync(invert: false));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM search_reindex_progress"));
        var hits = await SearchApi.SearchAsync(client, 1, "note 4 about the garden", limit: 1);
        Assert.Equal("note 4 about the garden", SearchApi.ContentOf(hits[0]));
    }

    [Fact]
    public async Task ReindexOfOneEntityTypeLeavesTheOthers()
    {
        var client = Fixture.Client();
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 1, "a note");
        await SearchApi.IndexAsync(client, "task", Guid.NewGuid(), 1, "a task");
        await ScalarAsync("UPDATE search_index SET embedding = $1::vector", Stale);

        var output = new StringWriter();
        Assert.Equal(0, await new ReindexCommand().RunAsync(Fixture.Host.Services, OperatorArguments.Parse(["--entity-type", "task"]), output, CancellationToken.None));

        Assert.Contains("reindex: 1/1 documents", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1L, await StaleCountAsync(invert: false));
    }

    [Fact]
    public async Task DimensionSwitchReembedsEverythingAndTheServiceStartsAtTheNewSize()
    {
        await using var database = await TestDatabase.CreateAsync("monolith_search_reindex");
        var id = Guid.NewGuid();
        await using (var host = await TestHost.StartAsync(TestHost.Settings(database.ConnectionString)))
        {
            await SearchApi.IndexAsync(host.Client(), "note", id, 1, "the lighthouse keeper feeds the seagulls");
            await SearchApi.IndexAsync(host.Client(), "note", Guid.NewGuid(), 1, "quarterly tax forms are due in april");
        }

        var settings = TestHost.Settings(database.ConnectionString);
        settings["EMBEDDING_DIM"] = "64";
        var refused = new StringWriter();
        Assert.Equal(64, await OperatorCli.RunAsync(["reindex"], refused, settings));

        var output = new StringWriter();
        Assert.Equal(0, await OperatorCli.RunAsync(["reindex", "--dimension", "64"], output, settings));
        Assert.Contains("switching search_index.embedding to vector(64)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("building the HNSW index", output.ToString(), StringComparison.Ordinal);

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            Assert.Equal(64, await EmbeddingColumn.DimensionAsync(connection, CancellationToken.None));
            await using var index = new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_search_index_embedding_hnsw'", connection);
            Assert.Contains("hnsw (embedding vector_cosine_ops)", (string?)await index.ExecuteScalarAsync(), StringComparison.Ordinal);
        }

        await using var resized = await TestHost.StartAsync(settings);
        var hits = await SearchApi.SearchAsync(resized.Client(), 1, "lighthouse seagulls", limit: 1);
        Assert.Equal(id, SearchApi.IdOf(hits[0]));
    }

    /// <summary>A vector the hashing provider never gives, in pgvector's text form (the test connection has no vector mapping).</summary>
    private static readonly string Stale =
        "[" + string.Join(',', Enumerable.Repeat((1f / MathF.Sqrt(384)).ToString("R", System.Globalization.CultureInfo.InvariantCulture), 384)) + "]";

    private Task<object?> StaleCountAsync(bool invert) =>
        ScalarAsync($"SELECT count(*) FROM search_index WHERE {(invert ? "NOT " : string.Empty)}(embedding = $1::vector)", Stale);

    private async Task<object?> ScalarAsync(string sql, object? value = null)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (value is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteScalarAsync();
    }

    /// <summary>Stops the reindex (as Ctrl+C would) once it has printed the given progress line.</summary>
    private sealed class StoppingWriter(CancellationTokenSource stop, string trigger) : StringWriter
    {
        public override Task WriteLineAsync(string? value)
        {
            if (value is not null && value.StartsWith(trigger, StringComparison.Ordinal))
            {
                stop.Cancel();
            }

            return base.WriteLineAsync(value);
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
