using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Monolith.Host;

namespace Monolith.Bench;

/// <summary>The real service (every module, the real pipeline) in the benchmark's process, with its migrations applied.</summary>
public static class BenchHost
{
    public const string ServiceKey = "bench-service-key-0123456789";
    public const string AdminKey = "bench-admin-key-0123456789ab";

    /// <summary>The settings every benchmark host needs; scenarios add their own.</summary>
    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["DATABASE_URL"] = connectionString,
        ["API_KEY"] = ServiceKey,
        ["ADMIN_API_KEY"] = AdminKey,
        // The host logs to stdout, which is the scenario's markdown report: only warnings and errors.
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>On an in-memory server (no sockets), prepared but not started: the caller starts it when it wants requests or background services.</summary>
    public static async Task<WebApplication> InMemoryAsync(IDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var app = MonolithApplication.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseTestServer();
        });
        await MonolithApplication.PrepareAsync(app.Services, cancellationToken);
        return app;
    }

    /// <summary>On Kestrel at a free 127.0.0.1 port, started; <c>app.Urls</c> holds its address.</summary>
    public static async Task<WebApplication> OnLoopbackAsync(IDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var withPort = new Dictionary<string, string?>(settings) { ["PORT"] = FreePort().ToString(CultureInfo.InvariantCulture) };
        var app = MonolithApplication.Build([], builder => builder.Configuration.AddInMemoryCollection(withPort));
        await MonolithApplication.PrepareAsync(app.Services, cancellationToken);
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
