namespace Monolith.Backup;

/// <summary>A backup or restore that could not be done; the message says why and what to do, in one line.</summary>
public sealed class BackupException(string message) : Exception(message);
