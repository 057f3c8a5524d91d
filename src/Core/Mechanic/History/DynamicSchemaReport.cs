using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>What tools/monolith status and /health/ready say about the dynamic schema.</summary>
public sealed class DynamicSchemaReport(DynamicMigrator migrator, DynamicMigrationHistory history, SchemaDrift drift)
{
    /// <returns>The lines to print and whether everything is in order.</returns>
    public async Task<(IReadOnlyList<string> Lines, bool Healthy)> DescribeAsync(CancellationToken cancellationToken)
    {
        var plan = await migrator.PlanForReportAsync(cancellationToken);
        var (version, drifted) = await ConsistentDriftAsync(cancellationToken);
        var lines = new List<string>
        {
            $"dynamic migrations: {plan.Applied.Count} applied, {plan.Pending.Count} pending, schema version {version.Number}",
        };
        lines.AddRange(plan.Applied.Select(a => $"  applied  {a.Version} {a.MigrationId}"));
        lines.AddRange(plan.Pending.Select(p => $"  pending  {p.Manifest.Version} {p.Manifest.MigrationId}"));
        lines.AddRange(plan.Mismatches.Select(m => $"  changed  {m}"));
        lines.AddRange(drifted.Select(d => $"  drift    {d}"));
        return (lines, plan.Pending.Count == 0 && plan.Mismatches.Count == 0 && drifted.Count == 0);
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
