using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Monolith.Health;

/// <summary>/health/live (the process is up) and /health/ready (every readiness check passes).</summary>
public static class HealthModule
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddHealthModule(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<PgvectorHealthCheck>("pgvector", tags: [ReadyTag])
            .AddCheck<CoreMigrationsHealthCheck>("migrations", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        health.MapGet("/live", () => TypedResults.Ok(new HealthReportView("live", [])));
        health.MapGet("/ready", ReadyAsync)
            .Produces<HealthReportView>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> ReadyAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), cancellationToken);
        var checks = report.Entries
            .Select(e => new HealthCheckView(e.Key, e.Value.Status switch { HealthStatus.Healthy => "ok", HealthStatus.Degraded => "degraded", _ => "failing" }, e.Value.Description))
            .ToList();
        // Degraded is ready: the service works, with something missing the report names (the migration linter, say).
        if (report.Status != HealthStatus.Unhealthy)
        {
            return TypedResults.Ok(new HealthReportView("ready", checks));
        }

        var failing = checks.Where(c => c.Status == "failing").ToList();
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Not ready.",
            Detail = string.Join("; ", failing.Select(c => $"{c.Name}: {c.Description}")),
            Extensions = { ["checks"] = checks },
        });
    }
}
