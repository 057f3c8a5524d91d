using Monolith.Database;
using Npgsql;

namespace Monolith.Tests.Support;

/// <summary>A fresh, uniquely named database on the server tools/test prepared; dropped when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string serverConnectionString;

    private TestDatabase(string serverConnectionString, string name, string connectionString)
    {
        this.serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string ServerUrl =>
        Environment.GetEnvironmentVariable("TEST_DATABASE_URL")
        ?? Environment.GetEnvironmentVariable("DATABASE_URL")
        ?? throw new InvalidOperationException("Set TEST_DATABASE_URL (tools/test does) to a PostgreSQL server with pgvector.");

    public static async Task<TestDatabase> CreateAsync(string prefix = "monolith_test")
    {
        var server = DatabaseSettings.Parse(ServerUrl);
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
        server.Pooling = false;
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = true };
        return new TestDatabase(server.ConnectionString, name, database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        // DROP DATABASE waits for a checkpoint, which takes long on a cluster busy with other runs.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection) { CommandTimeout = 300 };
        await drop.ExecuteNonQueryAsync();
    }
}
