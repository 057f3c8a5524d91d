namespace Monolith.Backup;

/// <summary>Which dump to restore into the configured (empty) database, who asks, and where progress goes.</summary>
/// <param name="Progress">Receives pg_restore's --verbose lines as they come.</param>
public sealed record RestoreRequest(string File, string Actor = BackupRequest.OperatorActor, IProgress<string>? Progress = null);
