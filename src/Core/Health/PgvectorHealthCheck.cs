using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Monolith.Health;

/// <summary>Ready when the vector extension is installed in the database.</summary>
public sealed class PgvectorHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT extversion FROM pg_extension WHERE extname = 'vector'");
            var version = await command.ExecuteScalarAsync(cancellationToken) as string;
            return version is null
                ? HealthCheckResult.Unhealthy("The vector extension is not installed.")
                : HealthCheckResult.Healthy($"pgvector {version}");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"Cannot check the vector extension: {e.Message}");
        }
    }
}
