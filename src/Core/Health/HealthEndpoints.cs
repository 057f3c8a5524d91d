using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monolith.Http;

namespace Monolith.Health;

/// <summary>/health/live (the process is up) and /health/ready (every readiness check passes, else 503 naming the failing ones).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        health.MapGet("/live", () => TypedResults.Ok(new HealthReportView("live", [])));
        health.MapGet("/ready", ReadyAsync);
        return app;
    }

    private static async Task<Results<Ok<HealthReportView>, UnavailableProblem>> ReadyAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthModule.ReadyTag), cancellationToken);
        var checks = report.Entries
            .Select(e => new HealthCheckView(e.Key, e.Value.Status switch { HealthStatus.Healthy => "ok", HealthStatus.Degraded => "degraded", _ => "failing" }, e.Value.Description))
            .ToList();
        // Degraded is ready: the service works, with something missing the report names (the migration linter, say).
        if (report.Status != HealthStatus.Unhealthy)
        {
            return TypedResults.Ok(new HealthReportView("ready", checks));
        }

        var failing = checks.Where(c => c.Status == "failing").ToList();
        return new UnavailableProblem(
            "Not ready.", string.Join("; ", failing.Select(c => $"{c.Name}: {c.Description}")), [new("checks", checks)]);
    }
}
