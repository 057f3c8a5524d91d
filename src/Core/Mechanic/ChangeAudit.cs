using Monolith.Audit;

namespace Monolith.Mechanic;

/// <summary>The audit rows of a schema change: one when it is applied or fails, one when a reviewer or the rules reject it.</summary>
public static class ChangeAudit
{
    public const string AppliedAction = "schema_change";
    public const string RejectedAction = "schema_change_rejected";
    private const int MaxAuditedFindings = 50;

    /// <summary>How an audit row names the safety rules and the dry run when they, not a person, rejected a change.</summary>
    private static readonly object RulesRejector = new { role = "rules", channel = "mechanic" };

    /// <param name="branch">The branch the change was committed to (named only when there is a commit).</param>
    public static AuditEvent Applied(SchemaProposal proposal, IReadOnlyList<DraftFile> files, bool success, string branch)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(files);
        return new AuditEvent(
            AppliedAction,
            proposal.Actor,
            new
            {
                changeId = proposal.Id,
                instruction = proposal.Instruction,
                migrationId = proposal.MigrationId,
                schemaVersion = proposal.AppliedVersion,
                filesChanged = success || proposal.GitCommit is not null ? files.Select(f => f.Path).ToList() : [],
                backupPath = proposal.BackupPath,
                error = proposal.Error,
                proposedBy = ProposedBy(proposal),
                approvedBy = MechanicCaller.Read(proposal.ReviewedBy),
            },
            success ? AuditEvent.Success : AuditEvent.Failure,
            proposal.GitCommit,
            proposal.GitCommit is null ? null : branch);
    }

    /// <param name="reviewer">Null when the safety rules and the dry run rejected it; then its error findings are listed.</param>
    public static AuditEvent Rejected(SchemaProposal proposal, MechanicCaller? reviewer, string reason)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var errors = MechanicJson.Read<List<SafetyFinding>>(proposal.Findings).Where(f => f.Severity == SafetyFinding.Error).ToList();
        return new AuditEvent(
            RejectedAction,
            proposal.Actor,
            new
            {
                changeId = proposal.Id,
                instruction = proposal.Instruction,
                entity = proposal.EntityName,
                table = proposal.TableName,
                migrationId = proposal.MigrationId,
                proposedBy = ProposedBy(proposal),
                rejectedBy = (object?)reviewer ?? RulesRejector,
                reason,
                findings = reviewer is null ? errors.Take(MaxAuditedFindings).Select(f => new { f.Rule, f.Message }).ToList() : null,
            });
    }

    private static object ProposedBy(SchemaProposal proposal)
    {
        var caller = MechanicCaller.Read(proposal.ProposedBy);
        return new { role = caller?.Role, channel = caller?.Channel, actor = proposal.Actor };
    }
}
