namespace Monolith.Retention;

/// <summary>What a cleanup run did: its outcome, the rows per kind, how long it took and its audit row.</summary>
public sealed record CleanupReport(CleanupOutcome Outcome, bool DryRun, CleanupCounts Counts, TimeSpan Duration, long? AuditId);
