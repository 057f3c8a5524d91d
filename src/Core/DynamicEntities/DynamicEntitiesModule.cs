using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monolith.Configuration;
using Monolith.Schema;

namespace Monolith.DynamicEntities;

/// <summary>The runtime API over every entity the Mechanic created, shaped by the current schema version, which the schema watcher keeps current.</summary>
public static class DynamicEntitiesModule
{
    public static IServiceCollection AddDynamicEntitiesModule(this IServiceCollection services, SettingReader settings)
    {
        // The Mechanic publishes into the same catalog; whichever module registers first owns the one instance.
        services.TryAddSingleton<SchemaCatalog>();
        services.AddSingleton(SchemaWatchSettings.Read(settings));
        services.AddHostedService<SchemaWatcher>();
        services.AddSingleton<EntityValidators>();
        services.AddSingleton<DynamicEntityStore>();
        services.AddScoped<IValidator<EntityListQuery>, EntityListQueryValidator>();
        services.AddScoped<IValidator<EntityOwnerQuery>, EntityOwnerQueryValidator>();
        return services;
    }
}
