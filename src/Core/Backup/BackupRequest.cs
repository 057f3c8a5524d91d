namespace Monolith.Backup;

/// <summary>What to back up into: a label for the generated file name, or an explicit file; who asks; where progress goes.</summary>
/// <param name="Label">Words for the file name, such as <c>pre-migration-42</c>; other characters than letters, digits, '.', '_' and '-' become '-'.</param>
/// <param name="OutputPath">The file to write instead of a generated name under BACKUP_DIR; it must not exist yet.</param>
/// <param name="Actor">Recorded in the audit log.</param>
/// <param name="Progress">Receives pg_dump's --verbose lines as they come.</param>
/// <param name="DataTables">
/// Null: the whole database. Otherwise a scoped backup: the schema of every table, and the rows of these tables only
/// (names in the current schema; a name with no table yet, such as one a migration is about to create, has no rows to keep).
/// </param>
public sealed record BackupRequest(
    string? Label = null,
    string? OutputPath = null,
    string Actor = BackupRequest.OperatorActor,
    IProgress<string>? Progress = null,
    IReadOnlyCollection<string>? DataTables = null)
{
    public const string OperatorActor = "operator";
}
