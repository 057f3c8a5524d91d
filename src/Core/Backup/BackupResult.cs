namespace Monolith.Backup;

/// <summary>A finished backup: the complete dump file, its size, how long it took and the audit row that records it.</summary>
public sealed record BackupResult(string Path, long SizeBytes, TimeSpan Duration, long? AuditId);
