using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Database;

namespace Monolith.Audit;

/// <summary>The audit log: one way for every module to record an event, and the admin query.</summary>
public static class AuditModule
{
    public static IServiceCollection AddAuditModule(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        services.AddScoped<IValidator<AuditQuery>, AuditQueryValidator>();
        return services.AddModuleDbContext<AuditDbContext>("audit");
    }
}
