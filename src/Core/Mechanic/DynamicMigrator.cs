using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monolith.Configuration;
using Monolith.Mechanic.Authoring;
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
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MechanicPipeline>().RecoverAsync(cancellationToken);
        }

        await using (await mechanicLock.AcquireAsync(cancellationToken))
        {
            var plan = await PlanAsync(cancellationToken);
            if (plan.Mismatches.Count > 0)
            {
                throw new ConfigurationException($"dynamic migrations: {plan.Mismatches[0]}");
            }

            foreach (var (manifest, checksum) in plan.Pending)
            {
                LogApplying(logger, manifest.Version, manifest.MigrationId);
                await ApplyAsync(manifest, checksum, cancellationToken);
            }
        }

        catalog.Publish(await history.ReadLatestAsync(cancellationToken));
    }

    public async Task<DynamicMigrationPlan> PlanAsync(CancellationToken cancellationToken)
    {
        // Manifests first: a manifest is committed only after its migration is applied, so the history read next covers it.
        var manifests = ReadManifests();
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

        return new DynamicMigrationPlan([.. applied.Select(a => (a.Version, a.MigrationId))], pending, mismatches);
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

            await MechanicPipeline.InsertHistoryAsync(connection, transaction, manifest, checksum, MechanicJson.Write(sources), null, cancellationToken);
        }, cancellationToken);
        await runner.ApplyNonTransactionalAsync(manifest.Steps, manifest.Table, cancellationToken);
    }

    /// <summary>
    /// The committed manifests with the checksum of their files as the working tree has them now, in version order.
    /// A proposal's files are in the working tree while it waits for review; uncommitted, they are not a migration yet.
    /// </summary>
    private List<(MigrationManifest Manifest, string Checksum)> ReadManifests()
    {
        var folder = Path.Combine(settings.RepositoryPath, MigrationManifest.Folder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var committed = git.CommittedFiles(MigrationManifest.Folder);
        var manifests = new List<(MigrationManifest, string)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*" + MigrationManifest.Suffix))
        {
            var relative = Path.GetRelativePath(settings.RepositoryPath, path).Replace('\\', '/');
            if (!committed.Contains(relative))
            {
                continue;
            }

            var json = File.ReadAllText(path);
            MigrationManifest manifest;
            try
            {
                manifest = MigrationManifest.Parse(json);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new ConfigurationException($"dynamic migrations: {relative} is not a valid migration manifest ({e.Message})");
            }

            var own = manifest.Files.Select(f =>
            {
                var full = Path.Combine(settings.RepositoryPath, f);
                return new DraftFile(f, File.Exists(full) ? File.ReadAllText(full) : "");
            });
            manifests.Add((manifest, MigrationManifest.Checksum(json, own)));
        }

        return [.. manifests.OrderBy(m => m.Item1.Version)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying dynamic migration {Version}: {MigrationId}")]
    private static partial void LogApplying(ILogger logger, long version, string migrationId);
}
