using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>A reviewable proposal: files to write, the migration, the findings, and the schema it leads to.</summary>
/// <param name="Files">Repository-relative files to write: src/Dynamic/Schema/Name.cs and the migration files under src/Dynamic/Migrations.</param>
/// <param name="EntityDiff">Unified diff of the entity file against the applied version ("" for unchanged).</param>
/// <param name="MigrationSql">The whole migration as reviewable SQL, in the order it runs.</param>
/// <param name="Snapshot">The serialized model snapshot after this migration (becomes the next AppliedSchema.Snapshot).</param>
/// <param name="Entities">Every dynamic entity's shape once applied.</param>
/// <param name="Findings">Empty, or the reasons the draft must not be applied.</param>
public sealed record SchemaDraft(
    string EntityName,
    string Table,
    IReadOnlyList<DraftFile> Files,
    string EntityDiff,
    string MigrationId,
    IReadOnlyList<MigrationStep> Steps,
    string MigrationSql,
    string? Snapshot,
    IReadOnlyList<EntityShape> Entities,
    IReadOnlyList<SafetyFinding> Findings)
{
    public bool IsSafe => Findings.All(f => f.Severity != SafetyFinding.Error);

    /// <summary>The entity class file under src/Dynamic/Schema (none in a draft the rules rejected early).</summary>
    public DraftFile? EntityFile => Files.FirstOrDefault(f => f.Path.StartsWith(SchemaAuthor.SchemaFolder + "/", StringComparison.Ordinal));
}
