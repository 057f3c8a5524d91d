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
using Monolith.Mechanic;
using Monolith.Registry;
using Monolith.Retention;
using Monolith.Search;
using Monolith.Telegram;

namespace Monolith.Host;

/// <summary>The table of contents: every feature module, registered and mapped in one place.</summary>
public static class MonolithModules
{
    /// <summary>The modules shared by the service and the operator CLI.</summary>
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
            .AddDocumentsModule(settings)
            .AddMechanicModule(settings)
            .AddDynamicEntitiesModule(settings)
            .AddAgentsModule(settings)
            .AddTelegramModule(settings)
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
        app.MapDynamicEntityEndpoints();
        app.MapAdminEndpoints();
        app.MapTelegramEndpoints();
        return app;
    }
}
