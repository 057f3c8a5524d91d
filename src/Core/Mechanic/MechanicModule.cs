using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monolith.Configuration;
using Monolith.Database;
using Monolith.Health;
using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>The Mechanic's pipeline: proposals, review, application with backup, git commit and audit, and the dynamic migration history.</summary>
public static class MechanicModule
{
    public static IServiceCollection AddMechanicModule(this IServiceCollection services, SettingReader settings)
    {
        services.AddSingleton(MechanicSettings.Read(settings));
        services.AddSingleton<DynamicMigrationHistory>();
        services.TryAddSingleton<ISchemaVersionStore>(provider => provider.GetRequiredService<DynamicMigrationHistory>());
        services.AddSingleton(DraftLimits.Read(settings));
        services.AddSchemaAuthoring();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<MechanicLock>();
        services.AddSingleton<GitWorkingTree>();
        services.AddSingleton<CrashPoints>();
        services.AddSingleton<SchemaDrift>();
        services.AddSingleton<DynamicMigrator>();
        services.AddSingleton<DynamicSchemaReport>();
        services.AddScoped<MechanicPipeline>();
        services.AddScoped<IValidator<ChangeRequest>, ChangeRequestValidator>();
        services.AddScoped<IValidator<RejectRequest>, RejectRequestValidator>();
        services.AddScoped<IValidator<ProposalQuery>, ProposalQueryValidator>();
        services.AddHealthChecks().AddCheck<DynamicSchemaHealthCheck>(DynamicSchemaHealthCheck.Name, tags: [HealthModule.ReadyTag]);
        return services.AddModuleDbContext<MechanicDbContext>("mechanic");
    }
}
