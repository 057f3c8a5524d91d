using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Monolith.Mechanic;

/// <summary>Degraded (still ready) when squawk is missing: proposals are then drafted without the lint and say so in their findings.</summary>
public sealed class MigrationLinterHealthCheck(SquawkLinter squawk) : IHealthCheck
{
    public const string Name = "migration-linter";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(squawk.IsAvailable
            ? HealthCheckResult.Healthy("squawk lints every drafted migration")
            : HealthCheckResult.Degraded(
                "squawk is not installed (tools/run and tools/test install it): proposals are drafted without the lint and carry a squawk-unavailable finding"));
}
