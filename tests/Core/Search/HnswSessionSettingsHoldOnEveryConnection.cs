using Microsoft.Extensions.DependencyInjection;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Search;

public sealed class HnswSessionSettingsHoldOnEveryConnection(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task IterativeScanAndEfSearchSurviveThePoolsResetAndPreparedStatements()
    {
        var dataSource = Fixture.Host.Services.GetRequiredService<NpgsqlDataSource>();
        for (var round = 0; round < 3; round++)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            // A statement prepared on the connection must not carry a plan that outlives the settings.
            await using (var prepared = new NpgsqlCommand("SELECT 1 FROM search_index WHERE user_id = $1 LIMIT 1", connection))
            {
                prepared.Parameters.Add(new NpgsqlParameter { Value = 1L });
                await prepared.PrepareAsync();
                await prepared.ExecuteScalarAsync();
            }

            Assert.Equal("relaxed_order", await ShowAsync(connection, "hnsw.iterative_scan"));
            Assert.Equal("100", await ShowAsync(connection, "hnsw.ef_search"));
            await using var change = new NpgsqlCommand("SET hnsw.ef_search = 7", connection);
            await change.ExecuteNonQueryAsync();
        }
    }

    private static async Task<string?> ShowAsync(NpgsqlConnection connection, string setting)
    {
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
