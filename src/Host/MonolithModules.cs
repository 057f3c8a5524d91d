using Monolith.Admin;
using Monolith.Agents;
using Monolith.Audit;
using Monolith.Backup;
using Monolith.Checkpoints;
using Monolith.Configuration;
using Monolith.Conversations;
using Monolith.Database;
using Monolith.Documents;
using Monolith.DynamicEntities;
using Monolith.Health;
using Monolith.Http;
using Monolith.Mcp;
using Monolith.Mechanic;
using Monolith.Registry;
using Monolith.Retention;
using Monolith.Schema;
using Monolith.Search;
using Monolith.Telegram;

namespace Monolith.Host;

/// <summary>The table of contents: every feature module, registered and mapped in one place.</summary>
public static class MonolithModules
{
    /// <summary>The web service's modules: HTTP (authentication, problem details, validation) and every feature module.</summary>
    public static IServiceCollection AddMonolithServiceModules(this IServiceCollection services, SettingReader settings) =>
        services
            .AddHttpModule(settings)
            .AddMonolithModules(settings);

    /// <summary>
    /// The modules shared by the service and the operator CLI. Core migrations apply in this order, so a module comes
    /// after the modules whose tables its migrations use.
    /// </summary>
    public static IServiceCollection AddMonolithModules(this IServiceCollection services, SettingReader settings) =>
        services
            .AddDatabaseModule(settings)
            .AddAuditModule()
            .AddBackupModule(settings)
            .AddRetentionModule(settings)
            .AddRegistryModule(settings)
            .AddConversationsModule()
            .AddCheckpointsModule()
            .AddSearchModule(settings)
            .AddSchemaModule(settings)
            .AddMechanicModule(settings)
            .AddDynamicEntitiesModule()
            .AddAgentsModule(settings)
            .AddTelegramModule(settings)
            .AddDocumentsModule(settings)
            .AddMcpModule()
            .AddHealthModule();

    public static WebApplication MapMonolithEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapAuditEndpoints();
        app.MapConversationsEndpoints();
        app.MapCheckpointsEndpoints();
        app.MapRegistryEndpoints();
        app.MapSearchEndpoints();
        app.MapDocumentsEndpoints();
        app.MapMechanicEndpoints();
        app.MapDynamicEntitiesEndpoints();
        app.MapAdminEndpoints();
        app.MapTelegramEndpoints();
        app.MapMcpEndpoints();
        return app;
    }
}
