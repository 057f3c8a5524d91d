using Microsoft.Extensions.DependencyInjection;
using Monolith.Database;
using Monolith.Search;
using Monolith.Tests.Support;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Monolith.Tests.Core.Search;

public sealed class LargeSlicesUseTheHnswIndex(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task AUserAboveTheExactScanThresholdGetsAFullAndCorrectResultThroughHnsw()
    {
        var dataSource = Fixture.Host.Services.GetRequiredService<NpgsqlDataSource>();
        var hashing = new HashingEmbeddingGenerator(384);
        var texts = Enumerable.Range(0, DocumentSearch.ExactScanMaxRows + 200).Select(i => $"journal entry {i} about topic {i % 37} and mood {i % 11}").ToList();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using (var copy = await connection.BeginBinaryImportAsync("COPY search_index (entity_type, entity_id, user_id, content, embedding, embedding_model) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (text, user) in texts.Select(t => (t, 1L)).Concat(texts.Take(50).Select(t => (t, 2L))))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync("journal", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(user, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(text, NpgsqlDbType.Text);
                    await copy.WriteAsync(new Vector(hashing.Embed(text)));
                    await copy.WriteAsync("hashing:hashing-ngrams-3-5", NpgsqlDbType.Text);
                }

                await copy.CompleteAsync();
            }

            await using var analyze = new NpgsqlCommand("ANALYZE search_index", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        // One pooled connection, so the searches and the reads of their index statistics share a backend.
        var settings = Fixture.Host.Services.GetRequiredService<DatabaseSettings>();
        await using var single = DatabaseModule.BuildDataSource(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { MaxPoolSize = 1 }.ConnectionString);
        var search = new DocumentSearch(single, Fixture.Host.Services.GetRequiredService<SearchEmbedder>());
        var query = hashing.Embed("journal entry 1234 about topic 13 and mood 2");

        var before = await HnswScansAsync(single);
        var exact = await search.SemanticAsync(1, query, 25, null, SemanticScan.Exact, CancellationToken.None);
        var small = await search.SemanticAsync(2, query, 25, null, SemanticScan.Auto, CancellationToken.None);
        Assert.Equal(before, await HnswScansAsync(single));
        var auto = await search.SemanticAsync(1, query, 25, null, SemanticScan.Auto, CancellationToken.None);
        Assert.True(await HnswScansAsync(single) > before, "the large slice was searched through the HNSW index");

        Assert.Equal(25, small.Count);
        Assert.Equal(25, exact.Count);

        Assert.Equal(25, auto.Count);
        Assert.Equal("journal entry 1234 about topic 13 and mood 2", auto[0].Content);
        Assert.Equal(1.0, auto[0].Score, 4);
        Assert.True(auto.Zip(auto.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score), "results are ordered by score");
        Assert.True(auto.Select(h => h.EntityId).Intersect(exact.Select(h => h.EntityId)).Count() >= 20, "HNSW recall@25 against the exact scan");
        Assert.DoesNotContain(auto, h => exact.All(e => e.EntityId != h.EntityId) && h.Score > exact[^1].Score + 1e-6);
    }

    /// <summary>How often the HNSW index was scanned; the backend's pending statistics are flushed first.</summary>
    private static async Task<long> HnswScansAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var flush = new NpgsqlCommand("SELECT pg_stat_force_next_flush()", connection))
        {
            await flush.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand($"SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = '{SearchDbContext.HnswIndexName}'", connection);
        return (long)(await read.ExecuteScalarAsync())!;
    }
}
