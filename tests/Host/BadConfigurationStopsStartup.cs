using System.Diagnostics;
using Monolith.Tests.Support;

namespace Monolith.Tests.Host;

public sealed class BadConfigurationStopsStartup
{
    public static TheoryData<string, string?, string> Cases => new()
    {
        { "DATABASE_URL", null, "DATABASE_URL is required" },
        { "DATABASE_URL", "mysql://nope", "DATABASE_URL" },
        { "DATABASE_URL", "postgres://user:pw@127.0.0.1:5432", "DATABASE_URL names no database" },
        { "DB_POOL_MAX", "many", "DB_POOL_MAX must be a whole number" },
        { "DB_CONNECT_TIMEOUT_SECONDS", "0", "DB_CONNECT_TIMEOUT_SECONDS must be a whole number" },
        { "API_KEY", null, "API_KEY is required" },
        { "API_KEY", "short", "API_KEY must be at least 16 characters" },
        { "ADMIN_API_KEY", TestKeys.Service, "ADMIN_API_KEY must differ from API_KEY" },
        { "PROPOSER_API_KEY", "short", "PROPOSER_API_KEY must be at least 16 characters" },
        { "PROPOSER_API_KEY", TestKeys.Admin, "PROPOSER_API_KEY must differ from API_KEY and ADMIN_API_KEY" },
        { "PORT", "70000", "PORT must be a whole number from 1 to 65535" },
        { "EMBEDDING_DIM", "0", "EMBEDDING_DIM must be a whole number" },
        { "LOG_FORMAT", "xml", "LOG_FORMAT must be one of" },
        { "DOCUMENT_CHUNK_TOKENS", "4096", "DOCUMENT_CHUNK_TOKENS must be a whole number" },
        { "DOCUMENT_MAX_PAGES", "none", "DOCUMENT_MAX_PAGES must be a whole number" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ServiceExitsWithOneLineNamingTheSetting(string name, string? value, string expected)
    {
        var (exitCode, stderr) = await RunHostAsync(name, value);
        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableDatabaseStopsStartupNamingDatabaseUrl()
    {
        var (exitCode, stderr) = await RunHostAsync("DATABASE_URL", "postgres://user:pw@127.0.0.1:1/db?Timeout=2");
        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("monolith: DATABASE_URL: cannot reach the database", line, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stderr)> RunHostAsync(string name, string? value)
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Monolith.Host.dll");
        var start = new ProcessStartInfo("dotnet", [hostDll])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var key in new[] { "DATABASE_URL", "TEST_DATABASE_URL", "API_KEY", "ADMIN_API_KEY", "PROPOSER_API_KEY", "PORT", "EMBEDDING_DIM", "LOG_FORMAT", "DOCUMENT_CHUNK_TOKENS", "DOCUMENT_MAX_PAGES" })
        {
            start.Environment.Remove(key);
        }

        start.Environment["DATABASE_URL"] = "postgres://user:pw@127.0.0.1:1/db";
        start.Environment["API_KEY"] = TestKeys.Service;
        start.Environment["ADMIN_API_KEY"] = TestKeys.Admin;
        start.Environment["PORT"] = "5999";
        start.Environment["MECHANIC_REPO_PATH"] = ScratchRepository.Create();
        if (value is null)
        {
            start.Environment.Remove(name);
        }
        else
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }
}
