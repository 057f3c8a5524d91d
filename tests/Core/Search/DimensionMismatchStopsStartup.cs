using System.Diagnostics;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Search;

public sealed class DimensionMismatchStopsStartup(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task ServiceExitsWithOneLinePointingToReindex()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Monolith.Host.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("TEST_DATABASE_URL");
        start.Environment["DATABASE_URL"] = Fixture.ConnectionString;
        start.Environment["API_KEY"] = TestKeys.Service;
        start.Environment["ADMIN_API_KEY"] = TestKeys.Admin;
        start.Environment["MECHANIC_REPO_PATH"] = ScratchRepository.Create();
        start.Environment["PORT"] = "5998";
        start.Environment["EMBEDDING_DIM"] = "768";
        start.Environment["EMBEDDING_PROVIDER"] = "hashing";

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("monolith: EMBEDDING_DIM is 768 but search_index.embedding holds vector(384)", line, StringComparison.Ordinal);
        Assert.Contains("tools/monolith reindex --dimension 768", line, StringComparison.Ordinal);
    }
}
