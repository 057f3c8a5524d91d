using System.Diagnostics;
using System.Globalization;
using Monolith.Database;
using Npgsql;

namespace Monolith.Mechanic;

/// <summary>A pg_dump custom-format backup of the whole database into BACKUP_DIR.</summary>
public sealed class PgDumpBackup(DatabaseSettings database, MechanicSettings settings) : IPreMigrationBackup
{
    public async Task<string> CreateAsync(string label, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.BackupDirectory);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var safeLabel = new string([.. label.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        var path = Path.Combine(settings.BackupDirectory, $"{stamp}-{safeLabel}.dump");
        var partial = path + ".partial";
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo("pg_dump")
        {
            ArgumentList = { "--format=custom", "--no-owner", "--file", partial, "--dbname", connection.Database ?? "" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["PGCONNECT_TIMEOUT"] = connection.Timeout.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new BackupFailedException("pg_dump could not be started");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            File.Delete(partial);
            throw new BackupFailedException($"pg_dump exited with {process.ExitCode}: {(await stderr).Trim()}");
        }

        // The rename makes a backup either whole or absent, whatever happens to the process.
        File.Move(partial, path);
        return path;
    }
}
