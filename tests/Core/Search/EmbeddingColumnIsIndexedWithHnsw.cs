using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Search;

public sealed class EmbeddingColumnIsIndexedWithHnsw(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task SearchIndexHasHnswCosineIndexAndItsLookupIndexes()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE tablename = 'search_index'", connection);
        var definitions = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                definitions.Add(reader.GetString(0));
            }
        }

        Assert.Contains(definitions, d => d.Contains("USING hnsw (embedding vector_cosine_ops)", StringComparison.Ordinal));
        Assert.Contains(definitions, d => d.Contains("UNIQUE INDEX", StringComparison.Ordinal) && d.Contains("(entity_type, entity_id)", StringComparison.Ordinal));
        Assert.Contains(definitions, d => d.Contains("(user_id)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmbeddingColumnHasTheConfiguredDimension()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'search_index'::regclass AND attname = 'embedding'", connection);
        Assert.Equal("vector(384)", await command.ExecuteScalarAsync());
    }
}
