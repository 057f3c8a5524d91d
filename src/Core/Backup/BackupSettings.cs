using Monolith.Configuration;

namespace Monolith.Backup;

/// <summary>Where backups go (BACKUP_DIR, default .data/backups under the working directory), as an absolute path.</summary>
public sealed record BackupSettings(string Directory)
{
    public static BackupSettings Read(SettingReader settings)
    {
        var directory = settings.Text("BACKUP_DIR") ?? Path.Combine(".data", "backups");
        if (directory.Contains('\0', StringComparison.Ordinal))
        {
            throw new ConfigurationException("BACKUP_DIR is not a valid path: it contains a NUL character");
        }

        return new BackupSettings(Path.GetFullPath(directory));
    }
}
