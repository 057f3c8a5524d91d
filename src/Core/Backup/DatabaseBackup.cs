using System.Diagnostics;
using System.Text.RegularExpressions;
using Monolith.Audit;
using Monolith.Database;
using Npgsql;

namespace Monolith.Backup;

/// <summary>
/// Backs up the configured database with pg_dump --format=custom into BACKUP_DIR (whole, or scoped to the schema plus
/// the rows of named tables), and restores such a dump into an empty database with pg_restore. Every backup and restore
/// is audited (action "backup" / "restore").
/// </summary>
public sealed partial class DatabaseBackup(DatabaseSettings database, BackupSettings settings, NpgsqlDataSource dataSource, AuditLog audit)
{
    public const string BackupAction = "backup";
    public const string RestoreAction = "restore";
    public const string DefaultLabel = "manual";
    public const string PreMigrationLabel = "pre-migration-";
    private const int MaxLabelLength = 80;
    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly PostgresClientTools tools = PostgresClientTools.FromEnvironment();
    private readonly string databaseName = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database ?? string.Empty;

    /// <summary>Dumps the database. The file appears under its final name only once pg_dump has finished and it is on disk.</summary>
    /// <exception cref="BackupException">pg_dump is missing, too old or failed, or the output file cannot be written.</exception>
    public async Task<BackupResult> BackupAsync(BackupRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var label = Label(request.Label);
        string? target = null;
        try
        {
            var serverMajor = await ServerMajorAsync(cancellationToken);
            var pgDump = await tools.FindAsync("pg_dump", serverMajor, cancellationToken);
            var scope = request.DataTables is null ? [] : await ExcludedDataAsync(request.DataTables, cancellationToken);
            request.Progress?.Report($"running {pgDump}");
            target = request.OutputPath is null ? null : ExplicitTarget(request.OutputPath);
            var directory = target is null ? EnsureBackupDirectory() : Path.GetDirectoryName(target)!;
            var partial = Path.Combine(directory, $".{Guid.NewGuid():N}.dump.partial");
            try
            {
                var (exitCode, _, lastErrors) = await ClientProcess.RunAsync(
                    pgDump,
                    ["--format=custom", "--verbose", "--no-password", $"--file={partial}", .. scope],
                    LibpqEnvironment.For(database.ConnectionString, "monolith-backup"),
                    request.Progress,
                    cancellationToken);
                if (exitCode != 0)
                {
                    throw new BackupException($"pg_dump failed (exit code {exitCode}): {Explain(lastErrors)}");
                }

                FlushToDisk(partial);
                target = Publish(partial, target, label);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BackupException($"cannot write the dump next to {partial}: {e.Message}");
            }
            finally
            {
                File.Delete(partial);
            }

            var size = new FileInfo(target).Length;
            var auditId = await audit.RecordAsync(
                new AuditEvent(BackupAction, request.Actor, new { path = target, sizeBytes = size, durationMs = clock.ElapsedMilliseconds, label, database = databaseName, dataTables = request.DataTables }),
                CancellationToken.None);
            return new BackupResult(target, size, clock.Elapsed, auditId);
        }
        catch (Exception e) when (e is BackupException or OperationCanceledException)
        {
            await RecordFailureAsync(BackupAction, request.Actor, new { path = target, label, database = databaseName, durationMs = clock.ElapsedMilliseconds, error = Reason(e) });
            throw;
        }
    }

    /// <summary>
    /// Restores a custom-format dump into the configured database in one transaction: on any error nothing is restored.
    /// The database must be empty, so a restore can never mix a dump with live data.
    /// </summary>
    /// <exception cref="BackupException">The file is not a dump, the database is not empty, or pg_restore failed.</exception>
    public async Task<RestoreResult> RestoreAsync(RestoreRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var path = Path.GetFullPath(request.File);
        try
        {
            if (!File.Exists(path))
            {
                throw new BackupException($"{path} does not exist");
            }

            if (!await DumpFile.IsCustomFormatAsync(path, cancellationToken))
            {
                throw new BackupException($"{path} is not a pg_dump custom-format archive (tools/monolith backup writes those)");
            }

            var serverMajor = await ServerMajorAsync(cancellationToken);
            await EnsureEmptyAsync(cancellationToken);
            var pgRestore = await tools.FindAsync("pg_restore", serverMajor, cancellationToken);
            request.Progress?.Report($"running {pgRestore}");
            var (exitCode, _, lastErrors) = await ClientProcess.RunAsync(
                pgRestore,
                ["--exit-on-error", "--no-owner", "--single-transaction", "--verbose", "--no-password", $"--dbname=dbname='{databaseName.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", @"\'", StringComparison.Ordinal)}'", path],
                LibpqEnvironment.For(database.ConnectionString, "monolith-restore"),
                request.Progress,
                cancellationToken);
            if (exitCode != 0)
            {
                throw new BackupException($"pg_restore failed (exit code {exitCode}), nothing was restored: {Explain(lastErrors)}");
            }

            await using (var connection = await dataSource.OpenConnectionAsync(CancellationToken.None))
            {
                // The restore created types (vector) this data source has not loaded yet.
                await connection.ReloadTypesAsync(CancellationToken.None);
            }

            var size = new FileInfo(path).Length;
            var auditId = await TryRecordAsync(
                new AuditEvent(RestoreAction, request.Actor, new { path, sizeBytes = size, durationMs = clock.ElapsedMilliseconds, database = databaseName }));
            return new RestoreResult(path, size, clock.Elapsed, auditId);
        }
        catch (Exception e) when (e is BackupException or OperationCanceledException)
        {
            await RecordFailureAsync(RestoreAction, request.Actor, new { path, database = databaseName, durationMs = clock.ElapsedMilliseconds, error = Reason(e) });
            throw;
        }
    }

    /// <summary>
    /// Deletes the oldest pre-migration backups in BACKUP_DIR beyond the newest BACKUP_KEEP_PRE_MIGRATION. Full backups
    /// (any other label) are never deleted. File names start with their UTC time, so name order is age order.
    /// </summary>
    /// <returns>The deleted files.</returns>
    public IReadOnlyList<string> PrunePreMigrationBackups()
    {
        if (!Directory.Exists(settings.Directory))
        {
            return [];
        }

        var old = Directory.EnumerateFiles(settings.Directory, $"*-{PreMigrationLabel}*.dump")
            .Order(StringComparer.Ordinal)
            .SkipLast(settings.KeepPreMigration)
            .ToList();
        foreach (var file in old)
        {
            File.Delete(file);
        }

        return old;
    }

    /// <summary>The label as it appears in a file name: letters, digits, '.', '_' and '-' only.</summary>
    public static string Label(string? label)
    {
        var clean = UnsafeLabelCharacters().Replace(label ?? string.Empty, "-").Trim('-', '.');
        clean = clean.Length > MaxLabelLength ? clean[..MaxLabelLength].TrimEnd('-', '.') : clean;
        return clean.Length == 0 ? DefaultLabel : clean;
    }

    /// <summary>The server's major version, which the connection learnt at start-up: no query.</summary>
    private async Task<int> ServerMajorAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return connection.PostgreSqlVersion.Major;
        }
        catch (NpgsqlException e)
        {
            throw new BackupException($"cannot reach the database of DATABASE_URL: {e.Message}");
        }
    }

    /// <summary>
    /// pg_dump options that leave out the rows of every table but <paramref name="dataTables"/>: its --table would also
    /// leave out the other tables' definitions, which a restore needs. Patterns are double-quoted, so names match literally.
    /// </summary>
    private async Task<IReadOnlyList<string>> ExcludedDataAsync(IReadOnlyCollection<string> dataTables, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("""
                SELECT n.nspname, c.relname
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'm')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
                  AND NOT (n.nspname = current_schema() AND c.relname = ANY($1))
                ORDER BY 1, 2
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = dataTables.ToArray() });
            var options = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                options.Add($"--exclude-table-data={Quoted(reader.GetString(0))}.{Quoted(reader.GetString(1))}");
            }

            return options;
        }
        catch (NpgsqlException e)
        {
            throw new BackupException($"cannot list the tables to scope the backup: {e.Message}");
        }

        static string Quoted(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    private async Task EnsureEmptyAsync(CancellationToken cancellationToken)
    {
        // Objects that belong to an extension (pgvector's, say) are not user data and come back with the extension.
        await using var command = dataSource.CreateCommand("""
            SELECT n.nspname || '.' || c.relname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
            ORDER BY 1
            """);
        var relations = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                relations.Add(reader.GetString(0));
            }
        }

        if (relations.Count > 0)
        {
            throw new BackupException(
                $"restore needs an empty database, but {databaseName} has {relations.Count} tables, views or sequences ({string.Join(", ", relations.Take(5))}{(relations.Count > 5 ? ", ..." : string.Empty)}): "
                + "create an empty database, point DATABASE_URL at it and restore again");
        }
    }

    private string EnsureBackupDirectory()
    {
        try
        {
            var directory = OperatingSystem.IsWindows()
                ? Directory.CreateDirectory(settings.Directory)
                : Directory.CreateDirectory(settings.Directory, PrivateDirectory);
            return directory.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"cannot create BACKUP_DIR {settings.Directory}: {e.Message}");
        }
    }

    private static string ExplicitTarget(string outputPath)
    {
        var target = Path.GetFullPath(outputPath);
        if (File.Exists(target) || Directory.Exists(target))
        {
            throw new BackupException($"{target} already exists: choose a new file name");
        }

        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            throw new BackupException($"the folder of {target} does not exist");
        }

        return target;
    }

    /// <summary>Renames the finished dump to its final name, never replacing an existing file.</summary>
    private string Publish(string partial, string? explicitTarget, string label)
    {
        if (explicitTarget is not null)
        {
            Move(partial, explicitTarget);
            return explicitTarget;
        }

        var stem = $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{label}";
        for (var attempt = 1; ; attempt++)
        {
            var target = Path.Combine(settings.Directory, attempt == 1 ? $"{stem}.dump" : $"{stem}-{attempt}.dump");
            if (!File.Exists(target))
            {
                try
                {
                    File.Move(partial, target, overwrite: false);
                    return target;
                }
                catch (IOException) when (File.Exists(target) && attempt < 100)
                {
                    // Another backup took this name in the same second; try the next one.
                }
            }
        }
    }

    private static void Move(string partial, string target)
    {
        try
        {
            File.Move(partial, target, overwrite: false);
        }
        catch (IOException e)
        {
            throw new BackupException($"cannot write {target}: {e.Message}");
        }
    }

    /// <summary>Makes the dump private to its owner (it holds every user's data) and durable before it gets its final name.</summary>
    private static void FlushToDisk(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        stream.Flush(flushToDisk: true);
    }

    private async Task RecordFailureAsync(string action, string actor, object details) =>
        await TryRecordAsync(new AuditEvent(action, actor, details, AuditEvent.Failure));

    /// <summary>Audits when the database is reachable and has audit_log: after a failed restore it may have neither.</summary>
    private async Task<long?> TryRecordAsync(AuditEvent auditEvent)
    {
        try
        {
            return await audit.RecordAsync(auditEvent, CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }

    private static string Reason(Exception e) => e is OperationCanceledException ? "cancelled" : e.Message;

    private static string Explain(IReadOnlyList<string> lastErrors)
    {
        var errors = lastErrors.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("FATAL", StringComparison.Ordinal)).ToList();
        var lines = errors.Count > 0 ? errors : lastErrors.TakeLast(3).ToList();
        return lines.Count == 0 ? "no message" : string.Join(" | ", lines.TakeLast(3));
    }

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex UnsafeLabelCharacters();
}
