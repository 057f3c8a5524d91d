using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monolith.Mechanic;

namespace Monolith.Tests.Core.Mechanic.Authoring.Rules;

public sealed class AMissingLinterIsReportedByReadinessAndFindings : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("monolith-no-squawk-").FullName;

    [Fact]
    public async Task WithoutSquawkReadinessIsDegradedAndTheDraftSaysItWasNotLinted()
    {
        var missing = SquawkLinter.Locate(folder);
        Assert.False(missing.IsAvailable);

        var health = await new MigrationLinterHealthCheck(missing).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("squawk is not installed", health.Description, StringComparison.Ordinal);

        var finding = Assert.Single(await missing.LintAsync("ALTER TABLE characters ADD COLUMN nickname text;", CancellationToken.None));
        Assert.Equal("squawk-unavailable", finding.Rule);
        Assert.Contains("not linted", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithSquawkInPlaceReadinessIsHealthy()
    {
        var binary = Path.Combine(folder, "tools", "squawk", "node_modules", ".bin", "squawk");
        Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
        await File.WriteAllTextAsync(binary, "#!/bin/sh\nexit 0\n");

        var health = await new MigrationLinterHealthCheck(SquawkLinter.Locate(folder)).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
