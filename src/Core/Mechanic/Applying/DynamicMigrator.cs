using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monolith.Configuration;
using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>
/// Start-up (and tools/monolith migrate) for the dynamic schema: recovers interrupted applications, refuses applied
/// migrations whose files changed, applies the committed manifests the database has not seen, and publishes the schema.
/// </summary>
public sealed partial class DynamicMigrator(
    IServiceScopeFactory scopes,
    DynamicMigrationHistory history,
    MigrationRunner runner,
    MechanicLock mechanicLock,
    MechanicSettings settings,
    GitWorkingTree git,
    SchemaCatalog catalog,
    ILogger<DynamicMigrator> logger)
{
    /// <summary>The manifests the last report read, by path, without their steps, snapshot and shapes.</summary>
    private Dictionary<string, ManifestRead> reported = new(StringComparer.Ordinal);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MechanicPipeline>().RecoverAsync(cancellationToken);
        }

        await using (await mechanicLock.AcquireAsync(cancellationToken))
        {
            var status = await StatusAsync(forReport: false, cancellationToken);
            if (status.Mismatches.Count > 0)
            {
                throw new ConfigurationException($"dynamic migrations: {status.Mismatches[0]}");
            }

            foreach (var (manifest, checksum) in status.Pending)
            {
                LogApplying(logger, manifest.Version, manifest.MigrationId);
                await ApplyAsync(manifest, checksum, cancellationToken);
            }
        }

        catalog.Publish(await history.ReadLatestAsync(cancellationToken));
    }

    /// <summary>
    /// The committed manifests compared with dynamic_migrations, for status and every readiness probe. Each manifest carries the whole schema (steps, shapes,
    /// snapshot), so reading and hashing them all grows with migrations times schema size; a manifest whose files have
    /// the same length and write time as at the last report keeps the checksum computed then. Its steps, snapshot and
    /// shapes are not kept, so this status is for reading only: a pending manifest in it has no steps.
    /// </summary>
    public Task<ReplayStatus> StatusForReportAsync(CancellationToken cancellationToken) => StatusAsync(forReport: true, cancellationToken);

    /// <param name="forReport">False for start-up, which applies the pending manifests: then every file is read now.</param>
    private async Task<ReplayStatus> StatusAsync(bool forReport, CancellationToken cancellationToken)
    {
        // Manifests first: a manifest is committed only after its migration is applied, so the history read next covers it.
        var manifests = ReadManifests(forReport);
        var applied = await history.ListAsync(cancellationToken);
        var mismatches = new List<string>();
        foreach (var (version, migrationId, checksum) in applied)
        {
            var file = manifests.FirstOrDefault(m => m.Manifest.Version == version);
            if (file.Manifest is null)
            {
                continue;
            }

            if (file.Manifest.MigrationId != migrationId)
            {
                mismatches.Add($"version {version} is {migrationId} in the database but {file.Manifest.MigrationId} in {file.Manifest.Path}");
            }
            else if (file.Checksum != checksum)
            {
                mismatches.Add($"{file.Manifest.Path} changed after it was applied (checksum mismatch); restore it from git");
            }
        }

        var last = applied.Count == 0 ? 0 : applied[^1].Version;
        var pending = manifests.Where(m => m.Manifest.Version > last).ToList();
        for (var i = 0; i < pending.Count; i++)
        {
            if (pending[i].Manifest.Version != last + i + 1)
            {
                mismatches.Add($"{pending[i].Manifest.Path} is version {pending[i].Manifest.Version}, but version {last + i + 1} is missing");
                pending = pending[..i];
                break;
            }
        }

        return new ReplayStatus([.. applied.Select(a => (a.Version, a.MigrationId))], pending, mismatches);
    }

    private async Task ApplyAsync(MigrationManifest manifest, string checksum, CancellationToken cancellationToken)
    {
        await runner.ApplyTransactionalAsync(manifest.Steps, async (connection, transaction) =>
        {
            var previous = await DynamicMigrationHistory.LatestAsync(connection, transaction, cancellationToken);
            var sources = previous is null ? [] : MechanicJson.Read<Dictionary<string, string>>(previous.EntitySources);
            if (manifest.EntitySource.Length > 0)
            {
                sources[manifest.EntityName] = manifest.EntitySource;
            }

            await DynamicMigrationHistory.InsertAsync(connection, transaction, manifest, checksum, MechanicJson.Write(sources), null, cancellationToken);
        }, cancellationToken);
        await runner.ApplyNonTransactionalAsync(manifest.Steps, manifest.Table, cancellationToken);
    }

    /// <summary>
    /// The committed manifests with the checksum of their files as the working tree has them now, in version order.
    /// A proposal's files are in the working tree while it waits for review; uncommitted, they are not a migration yet.
    /// </summary>
    private List<(MigrationManifest Manifest, string Checksum)> ReadManifests(bool forReport)
    {
        var folder = Path.Combine(settings.RepositoryPath, MigrationManifest.Folder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var committed = git.CommittedFiles(MigrationManifest.Folder);
        var previous = Volatile.Read(ref reported);
        var current = new Dictionary<string, ManifestRead>(StringComparer.Ordinal);
        var manifests = new List<(MigrationManifest, string)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*" + MigrationManifest.Suffix))
        {
            var relative = Path.GetRelativePath(settings.RepositoryPath, path).Replace('\\', '/');
            if (!committed.Contains(relative))
            {
                continue;
            }

            if (forReport && previous.TryGetValue(relative, out var kept) && kept.Stamps.SequenceEqual(Stamps(relative, kept.Manifest.Files)))
            {
                current[relative] = kept;
                manifests.Add((kept.Manifest, kept.Checksum));
                continue;
            }

            var read = ReadManifest(relative);
            manifests.Add((read.Manifest, read.Checksum));
            if (forReport)
            {
                current[relative] = read with { Manifest = read.Manifest with { Steps = [], Snapshot = null, Entities = [], EntitySource = "", Instruction = "" } };
            }
        }

        if (forReport)
        {
            Volatile.Write(ref reported, current);
        }

        return [.. manifests.OrderBy(m => m.Item1.Version)];
    }

    private ManifestRead ReadManifest(string relative)
    {
        // Stamps before contents: a file written during the read keeps an older stamp and is read again next time.
        var manifestStamp = Stamp(relative);
        var json = File.ReadAllText(Path.Combine(settings.RepositoryPath, relative));
        MigrationManifest manifest;
        try
        {
            manifest = MigrationManifest.Parse(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ConfigurationException($"dynamic migrations: {relative} is not a valid migration manifest ({e.Message})");
        }

        var stamps = new List<FileStamp> { manifestStamp };
        var own = new List<DraftFile>();
        foreach (var file in manifest.Files)
        {
            stamps.Add(Stamp(file));
            var full = Path.Combine(settings.RepositoryPath, file);
            own.Add(new DraftFile(file, File.Exists(full) ? File.ReadAllText(full) : ""));
        }

        return new ManifestRead(stamps, manifest, MigrationManifest.Checksum(json, own));
    }

    private IEnumerable<FileStamp> Stamps(string manifestPath, IEnumerable<string> ownFiles) =>
        ownFiles.Prepend(manifestPath).Select(Stamp);

    private FileStamp Stamp(string relative)
    {
        var file = new FileInfo(Path.Combine(settings.RepositoryPath, relative));
        return file.Exists ? new FileStamp(file.Length, file.LastWriteTimeUtc) : new FileStamp(-1, default);
    }

    private sealed record ManifestRead(IReadOnlyList<FileStamp> Stamps, MigrationManifest Manifest, string Checksum);

    private readonly record struct FileStamp(long Length, DateTime WrittenAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying dynamic migration {Version}: {MigrationId}")]
    private static partial void LogApplying(ILogger logger, long version, string migrationId);
}
