using Monolith.Database;
using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>Moves a draft into a proposal row and back: the row keeps everything the draft said, as reviewed.</summary>
public static class ProposalDraft
{
    private const string SchemaFolder = SchemaAuthor.SchemaFolder + "/";

    public static void Fill(SchemaProposal proposal, SchemaDraft draft)
    {
        proposal.EntityName = draft.EntityName;
        proposal.TableName = draft.Table;
        proposal.EntitySource = draft.Files.FirstOrDefault(f => f.Path.StartsWith(SchemaFolder, StringComparison.Ordinal))?.Content is { } source
            ? JsonbText.SanitizeText(source)
            : null;
        proposal.EntityDiff = JsonbText.SanitizeText(draft.EntityDiff);
        proposal.MigrationId = draft.MigrationId;
        proposal.MigrationSql = JsonbText.SanitizeText(draft.MigrationSql);
        proposal.Steps = JsonbText.Sanitize(MechanicJson.Write(draft.Steps));
        proposal.Snapshot = draft.Snapshot is null ? null : JsonbText.SanitizeText(draft.Snapshot);
        proposal.Entities = JsonbText.Sanitize(MechanicJson.Write(draft.Entities));
        proposal.Files = JsonbText.Sanitize(MechanicJson.Write(draft.Files));
        proposal.Findings = JsonbText.Sanitize(MechanicJson.Write(draft.Findings));
    }

    public static SchemaDraft ToDraft(SchemaProposal proposal) => new(
        proposal.EntityName ?? "",
        proposal.TableName ?? "",
        MechanicJson.Read<List<DraftFile>>(proposal.Files),
        proposal.EntityDiff,
        proposal.MigrationId ?? "",
        MechanicJson.Read<List<MigrationStep>>(proposal.Steps),
        proposal.MigrationSql,
        proposal.Snapshot,
        MechanicJson.Read<List<EntityShape>>(proposal.Entities),
        MechanicJson.Read<List<SafetyFinding>>(proposal.Findings));

    /// <summary>The replayable manifest of the proposal's migration as schema version <paramref name="version"/>: deterministic, so recovery rebuilds it byte for byte.</summary>
    public static MigrationManifest Manifest(SchemaProposal proposal, SchemaDraft draft, long version) => new(
        draft.MigrationId,
        version,
        draft.EntityName,
        draft.Table,
        proposal.Instruction,
        draft.Steps,
        draft.Snapshot,
        draft.Entities,
        draft.Files.FirstOrDefault(f => f.Path.StartsWith(SchemaFolder, StringComparison.Ordinal))?.Path ?? "",
        proposal.EntitySource ?? "",
        [.. MigrationManifest.OwnFiles(draft).Select(f => f.Path)]);

    /// <summary>Every file the proposal's commit carries: the draft's files and the manifest.</summary>
    public static IReadOnlyList<DraftFile> CommitFiles(SchemaDraft draft, MigrationManifest manifest) =>
        [.. draft.Files, new DraftFile(manifest.Path, manifest.ToJson())];
}
