using Monolith.Configuration;

namespace Monolith.Backup;

/// <summary>
/// Where backups go (BACKUP_DIR, default .data/backups under the working directory, as an absolute path) and how many of
/// the Mechanic's pre-migration backups are kept (BACKUP_KEEP_PRE_MIGRATION, default 20; full backups are never deleted).
/// </summary>
public sealed record BackupSettings(string Directory, int KeepPreMigration = BackupSettings.DefaultKeepPreMigration)
{
    public const int DefaultKeepPreMigration = 20;

    public static BackupSettings Read(SettingReader settings)
    {
        var directory = settings.Text("BACKUP_DIR") ?? Path.Combine(".data", "backups");
        if (directory.Contains('\0', StringComparison.Ordinal))
        {
            throw new ConfigurationException("BACKUP_DIR is not a valid path: it contains a NUL character");
        }

        return new BackupSettings(Path.GetFullPath(directory), settings.Number("BACKUP_KEEP_PRE_MIGRATION", DefaultKeepPreMigration, 1, 100_000));
    }
}
