using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Monolith.DynamicEntities;

/// <summary>The runtime API over every entity the Mechanic created, shaped by the current schema version, which the schema watcher keeps current.</summary>
public static class DynamicEntitiesModule
{
    public static IServiceCollection AddDynamicEntitiesModule(this IServiceCollection services)
    {
        services.AddSingleton<EntityValidators>();
        services.AddSingleton<DynamicEntityStore>();
        services.AddScoped<IValidator<EntityListQuery>, EntityListQueryValidator>();
        services.AddScoped<IValidator<EntityOwnerQuery>, EntityOwnerQueryValidator>();
        return services;
    }
}
