namespace Monolith.Mechanic;

/// <summary>The migration between two schema versions: its steps in order and what the safety rules found.</summary>
/// <param name="Operations">One line per EF migration operation, for the reviewer and the migration id.</param>
public sealed record MigrationPlan(IReadOnlyList<string> Operations, IReadOnlyList<MigrationStep> Steps, IReadOnlyList<SafetyFinding> Findings);
