using Microsoft.Extensions.DependencyInjection;
using Monolith.Configuration;

namespace Monolith.Backup;

/// <summary>Backup and restore of the whole database (pg_dump / pg_restore), used by the operator CLI and before every migration.</summary>
public static class BackupModule
{
    public static IServiceCollection AddBackupModule(this IServiceCollection services, SettingReader settings)
    {
        services.AddSingleton(BackupSettings.Read(settings));
        services.AddSingleton<DatabaseBackup>();
        return services;
    }
}
