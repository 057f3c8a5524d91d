using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Monolith.Health;

namespace Monolith.Mechanic;

/// <summary>Registers the schema author (<see cref="ISchemaAuthor"/>) for the Mechanic's pipeline.</summary>
public static class SchemaAuthoringModule
{
    public static IServiceCollection AddSchemaAuthoring(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SchemaCompiler>();
        services.TryAddSingleton(_ => SquawkLinter.Locate());
        services.TryAddSingleton(DraftLimits.Default);
        services.TryAddSingleton(provider => new DraftGate(
            provider.GetRequiredService<DraftLimits>(), provider.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None));
        services.TryAddSingleton<ISchemaAuthor, SchemaAuthor>();
        services.AddHealthChecks().AddCheck<MigrationLinterHealthCheck>(MigrationLinterHealthCheck.Name, tags: [HealthModule.ReadyTag]);
        return services;
    }
}
