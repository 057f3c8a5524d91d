using Monolith.Database;
using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>One schema_changes row: a drafted change, its review and the journal of its application.</summary>
public sealed class SchemaProposal
{
    public Guid Id { get; set; }

    public string Status { get; set; } = ProposalStatus.PendingReview;

    public string Instruction { get; set; } = null!;

    public string Actor { get; set; } = null!;

    /// <summary>Who proposed it: a <see cref="MechanicCaller"/> (jsonb {role, channel}).</summary>
    public string ProposedBy { get; set; } = "{}";

    /// <summary>Who approved or rejected it: a <see cref="MechanicCaller"/> (jsonb), null until reviewed or when the rules rejected it.</summary>
    public string? ReviewedBy { get; set; }

    /// <summary>The change request as received (jsonb).</summary>
    public string Request { get; set; } = "{}";

    public string? EntityName { get; set; }

    public string? TableName { get; set; }

    /// <summary>The entity class file the draft writes.</summary>
    public string? EntitySource { get; set; }

    public string EntityDiff { get; set; } = "";

    public string? MigrationId { get; set; }

    public string MigrationSql { get; set; } = "";

    /// <summary>The migration steps (jsonb array of {sql, inTransaction, description}).</summary>
    public string Steps { get; set; } = "[]";

    public string? Snapshot { get; set; }

    /// <summary>Every entity's shape once applied (jsonb).</summary>
    public string Entities { get; set; } = "[]";

    /// <summary>The files the draft writes (jsonb array of {path, content}).</summary>
    public string Files { get; set; } = "[]";

    public string Findings { get; set; } = "[]";

    public bool? DryRunOk { get; set; }

    public string? DryRunError { get; set; }

    /// <summary>The applied migration the draft was computed against (null: the empty schema).</summary>
    public string? BasedOnMigrationId { get; set; }

    public string? BackupPath { get; set; }

    public long? AppliedVersion { get; set; }

    public string? GitCommit { get; set; }

    public long? AuditId { get; set; }

    public string? Error { get; set; }

    public string? RejectReason { get; set; }

    /// <summary>The last finished step of the application (see <see cref="ProposalStage"/>).</summary>
    public string Stage { get; set; } = ProposalStage.Drafted;

    /// <summary>The journal: jsonb array of {stage, at, detail}, one entry per finished step.</summary>
    public string Progress { get; set; } = "[]";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Moves a draft into the row: the row keeps everything the draft said, as reviewed.</summary>
    public void Record(SchemaDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        EntityName = draft.EntityName;
        TableName = draft.Table;
        EntitySource = draft.EntityFile?.Content is { } source ? JsonbText.SanitizeText(source) : null;
        EntityDiff = JsonbText.SanitizeText(draft.EntityDiff);
        MigrationId = draft.MigrationId;
        MigrationSql = JsonbText.SanitizeText(draft.MigrationSql);
        Steps = JsonbText.Sanitize(MechanicJson.Write(draft.Steps));
        Snapshot = draft.Snapshot is null ? null : JsonbText.SanitizeText(draft.Snapshot);
        Entities = JsonbText.Sanitize(MechanicJson.Write(draft.Entities));
        Files = JsonbText.Sanitize(MechanicJson.Write(draft.Files));
        Findings = JsonbText.Sanitize(MechanicJson.Write(draft.Findings));
    }

    /// <summary>The draft as the row recorded it.</summary>
    public SchemaDraft ToDraft() => new(
        EntityName ?? "",
        TableName ?? "",
        MechanicJson.Read<List<DraftFile>>(Files),
        EntityDiff,
        MigrationId ?? "",
        MechanicJson.Read<List<MigrationStep>>(Steps),
        MigrationSql,
        Snapshot,
        MechanicJson.Read<List<EntityShape>>(Entities),
        MechanicJson.Read<List<SafetyFinding>>(Findings));

    /// <summary>Appends an entry to the journal (<see cref="ProposalStage"/> or one of <see cref="JournalEntry"/>'s decisions).</summary>
    public void Journal(string stage, string? detail)
    {
        var entries = MechanicJson.Read<List<JournalEntry>>(Progress);
        entries.Add(new JournalEntry(stage, DateTime.UtcNow, detail is null ? null : JsonbText.SanitizeText(detail)));
        Progress = JsonbText.Sanitize(MechanicJson.Write(entries));
    }
}
