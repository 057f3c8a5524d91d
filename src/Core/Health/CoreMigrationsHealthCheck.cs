using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monolith.Database;
using Npgsql;

namespace Monolith.Health;

/// <summary>Ready when no core migration is pending.</summary>
public sealed class CoreMigrationsHealthCheck(CoreMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await migrator.PendingAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("All core migrations are applied.")
                : HealthCheckResult.Unhealthy($"Pending core migrations: {string.Join(", ", pending)}");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"Cannot read the migration history: {e.Message}");
        }
    }
}
