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
}
