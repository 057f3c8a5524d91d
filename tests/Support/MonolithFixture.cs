using Npgsql;
using Respawn;

namespace Monolith.Tests.Support;

/// <summary>One database and one service for the integration tests; data is reset between tests with Respawn.</summary>
public sealed class MonolithFixture : IAsyncLifetime
{
    private TestDatabase? database;
    private TestHost? host;

    public TestDatabase Database => database ?? throw new InvalidOperationException("fixture not started");

    public TestHost Host => host ?? throw new InvalidOperationException("fixture not started");

    public string ConnectionString => Database.ConnectionString;

    public HttpClient Client(string? apiKey = TestKeys.Service) => Host.Client(apiKey);

    public HttpClient AdminClient() => Host.Client(TestKeys.Admin);

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        host = await TestHost.StartAsync(TestHost.Settings(database.ConnectionString));
    }

    /// <summary>Empties every table but the migration histories. The table list is read each time, so tables created during the run are reset too.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Respawn.Graph.Table("__ef_migrations_history")],
        });
        await respawner.ResetAsync(connection);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
