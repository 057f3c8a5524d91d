using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Host;

namespace Monolith.Tests.Support;

/// <summary>The real service (all modules, the real pipeline) on an in-memory server, configured for one test database.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app) => App = app;

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["DATABASE_URL"] = connectionString,
        ["API_KEY"] = TestKeys.Service,
        ["ADMIN_API_KEY"] = TestKeys.Admin,
        ["PROPOSER_API_KEY"] = TestKeys.Proposer,

        // The many hosts of the suite stay light; the default model (onnx, all-MiniLM-L6-v2) has tests of its own.
        ["EMBEDDING_PROVIDER"] = "hashing",
        // Never the clone the tests run from: what the Mechanic committed there must not reach a test database.
        ["MECHANIC_REPO_PATH"] = ScratchRepository.Create(),
    };

    /// <param name="prepare">Runs start-up migrations before serving, as the real service does.</param>
    /// <param name="services">Adds services of the test's own making (for example a contract implementation over a test table).</param>
    public static async Task<TestHost> StartAsync(IDictionary<string, string?> settings, bool prepare = true, Action<IServiceCollection>? services = null)
    {
        var app = MonolithApplication.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseTestServer();
            services?.Invoke(builder.Services);
        });
        if (prepare)
        {
            await MonolithApplication.PrepareAsync(app.Services, CancellationToken.None);
        }

        await app.StartAsync();
        return new TestHost(app);
    }

    public HttpClient Client(string? apiKey = TestKeys.Service)
    {
        var client = App.GetTestClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
