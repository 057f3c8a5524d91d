using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Monolith.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb into a temporary directory, a free 127.0.0.1 port), for tests that
/// restart or reconfigure the server; the shared cluster is never touched. pgvector is the system's installed one.
/// </summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";

    private readonly string directory;

    private PrivateCluster(string directory, int port)
    {
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The monolith database on this cluster (trust authentication: the cluster listens on 127.0.0.1 only and lives for one test).</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=monolith;Database=monolith";

    private string Data => Path.Combine(directory, "data");

    public static async Task<PrivateCluster> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("monolith-pg-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            // The postgres user must write here when the tests run as root.
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        }

        var cluster = new PrivateCluster(directory, FreePort());
        await cluster.PgAsync("initdb", "-D", cluster.Data, "-U", "monolith", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await File.WriteAllTextAsync(Path.Combine(cluster.Data, "postgresql.auto.conf"), $"""
            listen_addresses = '127.0.0.1'
            port = {cluster.Port}
            unix_socket_directories = ''
            max_connections = 100
            fsync = off
            """);
        await cluster.PgAsync("pg_ctl", "-D", cluster.Data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start");
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={cluster.Port};Username=monolith;Database=postgres;Pooling=false");
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE monolith", connection);
        await create.ExecuteNonQueryAsync();
        return cluster;
    }

    /// <summary>Kills the server without a checkpoint (as a crash or failover does) and starts it again; returns when it accepts connections.</summary>
    public Task RestartImmediatelyAsync() =>
        PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(directory, "server.log"), "-m", "immediate", "-w", "-t", "60", "restart");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>initdb and pg_ctl refuse root, so as root they run as the postgres user.</summary>
    private async Task PgAsync(string tool, params string[] arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(Bin, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        if (asRoot)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", Path.Combine(Bin, tool) })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await output}{await error}");
    }
}
