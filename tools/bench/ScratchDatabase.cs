using Monolith.Database;
using Npgsql;

namespace Monolith.Bench;

/// <summary>A uniquely named database on the benchmark server, made for one scenario and dropped when disposed.</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string serverConnectionString;

    private ScratchDatabase(string serverConnectionString, string name)
    {
        this.serverConnectionString = serverConnectionString;
        Name = name;
    }

    public string Name { get; }

    /// <summary>A pooled connection string for this database, with the server URL's credentials and options.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = Name, Pooling = true }.ConnectionString;

    public static async Task<ScratchDatabase> CreateAsync(string serverUrl, string prefix, CancellationToken cancellationToken)
    {
        var server = DatabaseSettings.Parse(serverUrl);
        server.Pooling = false;
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE \"{name}\"", cancellationToken);
        return new ScratchDatabase(server.ConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(serverConnectionString, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
