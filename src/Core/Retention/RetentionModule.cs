using Microsoft.Extensions.DependencyInjection;
using Monolith.Configuration;

namespace Monolith.Retention;

/// <summary>Retention: the cleanup verb, and the scheduled cleanup in the service when RETENTION_SCHEDULE_MINUTES is set.</summary>
public static class RetentionModule
{
    public static IServiceCollection AddRetentionModule(this IServiceCollection services, SettingReader settings)
    {
        var retention = RetentionSettings.Read(settings);
        services.AddSingleton(retention);
        services.AddSingleton<RetentionCleanup>();
        if (retention.ScheduleMinutes is not null)
        {
            services.AddHostedService<RetentionSchedule>();
        }

        return services;
    }
}
