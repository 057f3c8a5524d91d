namespace Monolith.Mechanic;

/// <summary>The pre-migration backup could not be taken, so nothing was applied.</summary>
public sealed class BackupFailedException(string message) : Exception(message);
