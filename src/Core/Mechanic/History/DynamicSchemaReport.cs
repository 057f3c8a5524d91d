using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>What tools/monolith status and /health/ready say about the dynamic schema.</summary>
public sealed class DynamicSchemaReport(DynamicMigrator migrator, DynamicMigrationHistory history, SchemaDrift drift)
{
    /// <returns>The lines to print and whether everything is in order.</returns>
    public async Task<(IReadOnlyList<string> Lines, bool Healthy)> DescribeAsync(CancellationToken cancellationToken)
    {
        var status = await migrator.StatusForReportAsync(cancellationToken);
        var (version, drifted) = await ConsistentDriftAsync(cancellationToken);
        var lines = new List<string>
        {
            $"dynamic migrations: {status.Applied.Count} applied, {status.Pending.Count} pending, schema version {version.Number}",
        };
        lines.AddRange(status.Applied.Select(a => $"  applied  {a.Version} {a.MigrationId}"));
        lines.AddRange(status.Pending.Select(p => $"  pending  {p.Manifest.Version} {p.Manifest.MigrationId}"));
        lines.AddRange(status.Mismatches.Select(m => $"  changed  {m}"));
        lines.AddRange(drifted.Select(d => $"  drift    {d}"));
        return (lines, status.Pending.Count == 0 && status.Mismatches.Count == 0 && drifted.Count == 0);
    }

    /// <summary>
    /// A migration's DDL commits with its schema version, so columns read while the latest version stayed the same
    /// belong to that version; a change applied between the two reads is not drift, and the comparison is repeated.
    /// </summary>
    private async Task<(SchemaVersion Version, IReadOnlyList<string> Drift)> ConsistentDriftAsync(CancellationToken cancellationToken)
    {
        var version = await history.ReadLatestAsync(cancellationToken);
        while (true)
        {
            var drifted = await drift.DetectAsync(version, cancellationToken);
            if (drifted.Count == 0 || await history.ReadLatestNumberAsync(cancellationToken) == version.Number)
            {
                return (version, drifted);
            }

            version = await history.ReadLatestAsync(cancellationToken);
        }
    }
}
