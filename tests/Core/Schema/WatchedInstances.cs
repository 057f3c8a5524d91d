using Microsoft.Extensions.DependencyInjection;
using Monolith.Schema;
using Monolith.Tests.Core.DynamicEntities;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Schema;

/// <summary>Two service instances on one scratch database, each with its schema watcher reading <see cref="TableSchemaVersionStore"/>.</summary>
public sealed class WatchedInstances : IAsyncDisposable
{
    private WatchedInstances(TestDatabase database, TestHost first, TestHost second)
    {
        Database = database;
        First = first;
        Second = second;
    }

    public TestDatabase Database { get; }

    public TestHost First { get; }

    public TestHost Second { get; }

    public static async Task<WatchedInstances> StartAsync(int pollSeconds)
    {
        var database = await TestDatabase.CreateAsync("monolith_watch");
        var settings = TestHost.Settings(database.ConnectionString);
        settings["SCHEMA_POLL_SECONDS"] = pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using (var connection = await OpenAsync(database))
        {
            await DynamicTables.ExecuteAsync(connection, TableSchemaVersionStore.CreateSql);
        }

        var first = await TestHost.StartAsync(settings, services: Register(database.ConnectionString));
        var second = await TestHost.StartAsync(settings, services: Register(database.ConnectionString));
        return new WatchedInstances(database, first, second);
    }

    public static SchemaCatalog Catalog(TestHost host) => host.Services.GetRequiredService<SchemaCatalog>();

    public static async Task<NpgsqlConnection> OpenAsync(TestDatabase database)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Waits until both watchers hold a LISTEN session, as seen by the server.</summary>
    public async Task WaitUntilListeningAsync()
    {
        await Eventually.TrueAsync(async () =>
        {
            await using var connection = await OpenAsync(Database);
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND query LIKE 'LISTEN%'", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = SchemaWatcher.ApplicationName });
            return (long)(await command.ExecuteScalarAsync())! == 2;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static Action<IServiceCollection> Register(string connectionString) =>
        services => services.AddSingleton<ISchemaVersionStore>(new TableSchemaVersionStore(connectionString));
}
