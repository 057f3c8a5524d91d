using Microsoft.Extensions.DependencyInjection;
using Monolith.Configuration;

namespace Monolith.Schema;

/// <summary>The one catalog of the dynamic schema, which the Mechanic publishes into and the entity API reads, and the watcher that keeps it current.</summary>
public static class SchemaModule
{
    public static IServiceCollection AddSchemaModule(this IServiceCollection services, SettingReader settings)
    {
        services.AddSingleton<SchemaCatalog>();
        services.AddSingleton(SchemaWatchSettings.Read(settings));
        services.AddHostedService<SchemaWatcher>();
        return services;
    }
}
