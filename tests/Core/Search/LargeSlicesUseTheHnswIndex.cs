using Microsoft.Extensions.DependencyInjection;
using Monolith.Search.Embeddings;
using Monolith.Search.Querying;
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
            await using (var copy = await connection.BeginBinaryImportAsync("COPY search_index (entity_type, entity_id, user_id, content, embedding) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (text, user) in texts.Select(t => (t, 1L)).Concat(texts.Take(50).Select(t => (t, 2L))))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync("journal", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(user, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(text, NpgsqlDbType.Text);
                    await copy.WriteAsync(new Vector(hashing.Embed(text)));
                }

                await copy.CompleteAsync();
            }

            await using var analyze = new NpgsqlCommand("ANALYZE search_index", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        var search = Fixture.Host.Services.GetRequiredService<DocumentSearch>();
        var query = hashing.Embed("journal entry 1234 about topic 13 and mood 2");

        var auto = await search.SemanticAsync(1, query, 25, null, SemanticScan.Auto, CancellationToken.None);
        var exact = await search.SemanticAsync(1, query, 25, null, SemanticScan.Exact, CancellationToken.None);

        Assert.Equal(25, auto.Count);
        Assert.Equal("journal entry 1234 about topic 13 and mood 2", auto[0].Content);
        Assert.Equal(1.0, auto[0].Score, 4);
        Assert.True(auto.Zip(auto.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score), "results are ordered by score");
        Assert.True(auto.Select(h => h.EntityId).Intersect(exact.Select(h => h.EntityId)).Count() >= 20, "HNSW recall@25 against the exact scan");
        Assert.DoesNotContain(auto, h => exact.All(e => e.EntityId != h.EntityId) && h.Score > exact[^1].Score + 1e-6);
    }
}
