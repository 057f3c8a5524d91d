using System.Text.Json;
using Monolith.Database;

namespace Monolith.Mechanic;

/// <summary>A schema change as the admin API and the CLI show it.</summary>
public sealed record SchemaProposalView(
    Guid Id,
    string Status,
    string Instruction,
    string Actor,
    JsonElement ProposedBy,
    JsonElement? ReviewedBy,
    JsonElement Request,
    string? EntityName,
    string? Table,
    string? EntitySource,
    string EntityDiff,
    MigrationView Migration,
    JsonElement Findings,
    DryRunView DryRun,
    IReadOnlyList<string> Files,
    string? BasedOnMigrationId,
    string? BackupPath,
    long? SchemaVersion,
    string? GitCommit,
    long? AuditId,
    string? Error,
    string? RejectReason,
    string Stage,
    JsonElement Progress,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static SchemaProposalView From(SchemaProposal p) => new(
        p.Id,
        p.Status,
        p.Instruction,
        p.Actor,
        JsonbText.Element(p.ProposedBy),
        p.ReviewedBy is null ? null : JsonbText.Element(p.ReviewedBy),
        JsonbText.Element(p.Request),
        p.EntityName,
        p.TableName,
        p.EntitySource,
        p.EntityDiff,
        new MigrationView(p.MigrationId, p.MigrationSql, JsonbText.Element(p.Steps), p.Snapshot),
        JsonbText.Element(p.Findings),
        new DryRunView(p.DryRunOk, p.DryRunError),
        [.. MechanicJson.Read<List<DraftFile>>(p.Files).Select(f => f.Path)],
        p.BasedOnMigrationId,
        p.BackupPath,
        p.AppliedVersion,
        p.GitCommit,
        p.AuditId,
        p.Error,
        p.RejectReason,
        p.Stage,
        JsonbText.Element(p.Progress),
        p.CreatedAt,
        p.UpdatedAt);

}

/// <summary>The migration of a proposal: its id, the SQL in the order it runs, the steps, and the model snapshot after it.</summary>
public sealed record MigrationView(string? Id, string Sql, JsonElement Steps, string? Snapshot);

/// <summary>Whether the migration applied inside a rolled-back transaction (null: not tried because the draft was unsafe).</summary>
public sealed record DryRunView(bool? Ok, string? Error);
