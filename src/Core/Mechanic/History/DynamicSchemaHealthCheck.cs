using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Monolith.Mechanic;

/// <summary>Ready when every committed dynamic migration is applied unchanged and the dynamic tables match their shapes.</summary>
public sealed class DynamicSchemaHealthCheck(DynamicSchemaReport report) : IHealthCheck
{
    public const string Name = "dynamic-schema";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var (lines, healthy) = await report.DescribeAsync(cancellationToken);
            var problems = lines.Skip(1).Where(l => !l.TrimStart().StartsWith("applied", StringComparison.Ordinal)).Select(l => l.Trim());
            return healthy
                ? HealthCheckResult.Healthy(lines[0])
                : HealthCheckResult.Unhealthy($"{lines[0]}: {string.Join("; ", problems)}");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or IOException or Configuration.ConfigurationException)
        {
            return HealthCheckResult.Unhealthy($"Cannot compare the dynamic schema: {e.Message}");
        }
    }
}
