namespace Monolith.Backup;

/// <summary>A finished restore: which dump, its size, how long it took and the audit row that records it (null when the dump held no audit_log).</summary>
public sealed record RestoreResult(string Path, long SizeBytes, TimeSpan Duration, long? AuditId);
