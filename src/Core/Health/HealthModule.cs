using Microsoft.Extensions.DependencyInjection;

namespace Monolith.Health;

/// <summary>The readiness checks behind /health/ready: the database, pgvector and the core migrations.</summary>
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
}
