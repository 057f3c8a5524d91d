namespace Monolith.Mechanic;

/// <summary>The migration between two schema versions: its steps in order and what the safety rules found.</summary>
public sealed record MigrationPlan(IReadOnlyList<MigrationStep> Steps, IReadOnlyList<SafetyFinding> Findings);
