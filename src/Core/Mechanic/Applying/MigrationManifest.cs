using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>
/// The replayable record of one applied dynamic migration, committed beside the migration files as
/// src/Dynamic/Migrations/&lt;id&gt;.migration.json: a fresh database is rebuilt from these files alone, in version order.
/// </summary>
/// <param name="Files">The migration's own files (repository-relative) that its checksum covers besides this manifest.</param>
public sealed record MigrationManifest(
    string MigrationId,
    long Version,
    string EntityName,
    string Table,
    string Instruction,
    IReadOnlyList<MigrationStep> Steps,
    string? Snapshot,
    IReadOnlyList<EntityShape> Entities,
    string EntitySourcePath,
    string EntitySource,
    IReadOnlyList<string> Files)
{
    public const string Folder = SchemaAuthor.MigrationsFolder;
    public const string Suffix = ".migration.json";

    public string Path => $"{Folder}/{MigrationId}{Suffix}";

    public string ToJson() => JsonSerializer.Serialize(this, MechanicJson.Indented) + "\n";

    public static MigrationManifest Parse(string json) => MechanicJson.Read<MigrationManifest>(json);

    /// <summary>The manifest of a proposal's migration as schema version <paramref name="version"/>: deterministic, so recovery rebuilds it byte for byte.</summary>
    public static MigrationManifest For(SchemaProposal proposal, SchemaDraft draft, long version)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(draft);
        return new(
            draft.MigrationId,
            version,
            draft.EntityName,
            draft.Table,
            proposal.Instruction,
            draft.Steps,
            draft.Snapshot,
            draft.Entities,
            draft.EntityFile?.Path ?? "",
            proposal.EntitySource ?? "",
            [.. OwnFiles(draft).Select(f => f.Path)]);
    }

    /// <summary>Every file the migration's commit carries: the draft's files and this manifest.</summary>
    public IReadOnlyList<DraftFile> CommitFiles(SchemaDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return [.. draft.Files, new DraftFile(Path, ToJson())];
    }

    /// <summary>SHA-256 over the manifest and each of the migration's own files, every part prefixed by its path.</summary>
    public static string Checksum(string manifestJson, IEnumerable<DraftFile> ownFiles)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes("manifest\0" + manifestJson + "\0"));
        foreach (var file in ownFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Path + "\0" + file.Content + "\0"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The draft's migration files that belong to this migration alone (named after its id), not shared ones such as a model snapshot.</summary>
    public static IReadOnlyList<DraftFile> OwnFiles(SchemaDraft draft) =>
        [.. draft.Files.Where(f => f.Path.StartsWith(Folder + "/", StringComparison.Ordinal)
            && System.IO.Path.GetFileName(f.Path).StartsWith(draft.MigrationId, StringComparison.Ordinal))];
}
