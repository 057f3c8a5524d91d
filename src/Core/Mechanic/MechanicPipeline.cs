using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Audit;
using Monolith.Backup;
using Monolith.Database;
using Monolith.Http;
using Monolith.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Mechanic;

/// <summary>
/// Propose → review → apply. Applying is serialized by <see cref="MechanicLock"/> and journaled step by step
/// (backed_up → applied → committed → audited) so <see cref="RecoverAsync"/> can finish or roll back any interrupted run.
/// </summary>
public sealed class MechanicPipeline(
    MechanicDbContext db,
    IServiceProvider services,
    DynamicMigrationHistory history,
    MigrationRunner runner,
    MechanicLock mechanicLock,
    DatabaseBackup backup,
    GitWorkingTree git,
    SchemaCatalog catalog,
    MechanicSettings settings,
    CrashPoints crashPoints)
{
    private const string RulesRejection = "rejected by the safety rules or the dry run";
    private const string BackupActor = "mechanic";

    /// <summary>Drafts the request against the applied schema, dry-runs it and stores the proposal (applied at once under MECHANIC_AUTO_APPLY when it has no findings).</summary>
    public async Task<SchemaProposal> ProposeAsync(ChangeRequest request, MechanicCaller proposer, CancellationToken cancellationToken)
    {
        var applied = await history.ReadAppliedAsync(cancellationToken);
        var draft = await Author().DraftAsync(request, applied, cancellationToken);
        return await ProposeDraftAsync(request, draft, applied.LastMigrationId, proposer, cancellationToken);
    }

    /// <summary>Stores an already computed draft as a proposal: the second half of <see cref="ProposeAsync"/>.</summary>
    public async Task<SchemaProposal> ProposeDraftAsync(
        ChangeRequest request, SchemaDraft draft, string? basedOnMigrationId, MechanicCaller proposer, CancellationToken cancellationToken)
    {
        var proposal = new SchemaProposal
        {
            Id = Guid.CreateVersion7(),
            Instruction = JsonbText.SanitizeText(request.Instruction),
            Actor = JsonbText.SanitizeText(request.Actor),
            ProposedBy = MechanicJson.Write(proposer),
            Request = JsonbText.Sanitize(MechanicJson.Write(request)),
            BasedOnMigrationId = basedOnMigrationId,
            CreatedAt = DateTime.UtcNow,
        };
        var safe = await CheckAsync(proposal, draft, cancellationToken);
        proposal.Status = safe ? ProposalStatus.PendingReview : ProposalStatus.Rejected;
        proposal.Journal(ProposalStage.Drafted, safe ? "draft is safe and dry-runs" : RulesRejection);
        if (!safe)
        {
            await RecordRejectionAsync(proposal, null, RulesRejection, isNew: true, cancellationToken);
            return proposal;
        }

        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        await using (await mechanicLock.AcquireAsync(cancellationToken))
        {
            git.Write(draft.Files);
        }

        return settings.AutoApply && draft.Findings.Count == 0
            ? await ApproveAsync(proposal.Id, MechanicCaller.AutoApply, cancellationToken)
            : proposal;
    }

    public async Task<SchemaProposal> ApproveAsync(Guid id, MechanicCaller approver, CancellationToken cancellationToken)
    {
        await using var held = await mechanicLock.AcquireAsync(cancellationToken);
        var (_, latest) = await RecoverLockedAsync(cancellationToken);
        var proposal = await LoadAsync(id, cancellationToken);
        if (proposal.Status != ProposalStatus.PendingReview)
        {
            throw new ConflictException($"The change is {proposal.Status}; only a pending_review change can be approved.");
        }

        if (latest.MigrationId != proposal.BasedOnMigrationId)
        {
            await RedraftAsync(proposal, approver, cancellationToken);
        }

        return await ApplyLockedAsync(proposal, approver, latest.Number, cancellationToken);
    }

    public async Task<SchemaProposal> RejectAsync(Guid id, string reason, MechanicCaller reviewer, CancellationToken cancellationToken)
    {
        await using var held = await mechanicLock.AcquireAsync(cancellationToken);
        var proposal = await LoadAsync(id, cancellationToken);
        if (proposal.Status != ProposalStatus.PendingReview)
        {
            throw new ConflictException($"The change is {proposal.Status}; only a pending_review change can be rejected.");
        }

        git.Restore(proposal.ToDraft().Files.Select(f => f.Path));
        proposal.Status = ProposalStatus.Rejected;
        proposal.RejectReason = JsonbText.SanitizeText(reason);
        proposal.ReviewedBy = MechanicJson.Write(reviewer);
        proposal.Journal(JournalEntry.Rejected, $"{reviewer}: {reason}");
        await RecordRejectionAsync(proposal, reviewer, proposal.RejectReason, isNew: false, cancellationToken);
        return proposal;
    }

    /// <summary>Finishes or rolls back every interrupted application, then publishes the applied schema. Run at start-up and before each approval.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        await using var held = await mechanicLock.AcquireAsync(cancellationToken);
        return (await RecoverLockedAsync(cancellationToken)).Interrupted;
    }

    /// <summary>The proposal, or null when there is none with that id (proposals are never deleted).</summary>
    /// <summary>How many changes <paramref name="actor"/> proposed since <paramref name="since"/> (a per-user limit counts them).</summary>
    public Task<int> CountProposedSinceAsync(string actor, DateTime since, CancellationToken cancellationToken) =>
        db.Proposals.AsNoTracking().CountAsync(p => p.Actor == actor && p.CreatedAt >= since, cancellationToken);

    public async Task<SchemaProposal?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<SchemaProposal> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) ?? throw new NotFoundException(NotFound(id));

    public static string NotFound(Guid id) => $"No schema change {id}.";

    /// <returns>How many applications were interrupted, and the applied schema it published (the lock keeps it current).</returns>
    private async Task<(int Interrupted, SchemaVersion Applied)> RecoverLockedAsync(CancellationToken cancellationToken)
    {
        var interrupted = await db.Proposals.AsNoTracking().Where(p => p.Status == ProposalStatus.Approved).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        foreach (var proposal in interrupted)
        {
            var draft = proposal.ToDraft();
            var applied = await IsAppliedAsync(draft.MigrationId, cancellationToken);
            if (!applied)
            {
                // Nothing reached the database: put the proposal back for review as it was.
                var version = proposal.AppliedVersion ?? 0;
                git.Restore([MigrationManifest.For(proposal, draft, version).Path]);
                git.Write(draft.Files);
                proposal.Status = ProposalStatus.PendingReview;
                proposal.Stage = ProposalStage.Drafted;
                proposal.AppliedVersion = null;
                proposal.ReviewedBy = null;
                proposal.Journal(JournalEntry.RolledBack, "interrupted before the migration was applied; nothing changed");
                await SaveAsync(proposal, cancellationToken);
                continue;
            }

            if (proposal.Stage is ProposalStage.Drafted or ProposalStage.BackedUp)
            {
                // The journal entry commits with the history row, so this only happens when the row came from another
                // process replaying the same committed manifest; the database is what counts.
                proposal.Stage = ProposalStage.Applied;
            }

            await FinishAsync(proposal, draft, cancellationToken);
        }

        var latest = await history.ReadLatestAsync(cancellationToken);
        catalog.Publish(latest);
        return (interrupted.Count, latest);
    }

    private async Task<SchemaProposal> ApplyLockedAsync(SchemaProposal proposal, MechanicCaller approver, long appliedVersion, CancellationToken cancellationToken)
    {
        var draft = proposal.ToDraft();
        proposal.Status = ProposalStatus.Approved;
        proposal.ReviewedBy = MechanicJson.Write(approver);
        proposal.Journal(JournalEntry.Approved, approver.ToString());
        await SaveAsync(proposal, cancellationToken);

        var dataTables = AlteredTables.Of(draft);
        string? pruneError = null;
        try
        {
            // Changes are additive: the schema, and the rows of the tables the steps alter, are all a change can put at risk.
            proposal.BackupPath = (await backup.BackupAsync(
                new BackupRequest($"{DatabaseBackup.PreMigrationLabel}{draft.MigrationId}", Actor: BackupActor, DataTables: dataTables), cancellationToken)).Path;
            backup.PrunePreMigrationBackups();
        }
        catch (BackupException e)
        {
            return await FailAsync(proposal, draft, null, $"backup failed, nothing was applied: {e.Message}", cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            pruneError = $"; old pre-migration backups were not pruned: {e.Message}";
        }

        proposal.Stage = ProposalStage.BackedUp;
        proposal.Journal(ProposalStage.BackedUp, $"{proposal.BackupPath} (schema, and rows of: {(dataTables.Count == 0 ? "none" : string.Join(", ", dataTables))}){pruneError}");
        await SaveAsync(proposal, cancellationToken);
        crashPoints.Reached(ProposalStage.BackedUp);

        var version = appliedVersion + 1;
        var manifest = MigrationManifest.For(proposal, draft, version);
        var files = manifest.CommitFiles(draft);
        git.Write(files);
        try
        {
            await runner.ApplyTransactionalAsync(draft.Steps, (connection, transaction) =>
                RecordAppliedAsync(connection, transaction, proposal, draft, manifest, cancellationToken), cancellationToken);
        }
        catch (MigrationFailedException e)
        {
            return await FailAsync(proposal, draft, manifest, e.Message, cancellationToken);
        }

        crashPoints.Reached(ProposalStage.Applied);
        catalog.Publish(new SchemaVersion(version, draft.MigrationId, draft.Entities));
        await FinishAsync(proposal, draft, cancellationToken);
        return proposal;
    }

    /// <summary>In the DDL's transaction: the history row, the journal entry and the NOTIFY (delivered at commit).</summary>
    private static async Task RecordAppliedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SchemaProposal proposal, SchemaDraft draft, MigrationManifest manifest, CancellationToken cancellationToken)
    {
        var previous = await DynamicMigrationHistory.LatestAsync(connection, transaction, cancellationToken);
        if ((previous?.Version ?? 0) + 1 != manifest.Version)
        {
            throw new InvalidOperationException($"Schema version {manifest.Version} was taken while the Mechanic lock was held.");
        }

        var sources = previous is null ? [] : MechanicJson.Read<Dictionary<string, string>>(previous.EntitySources);
        if (proposal.EntitySource is not null)
        {
            sources[draft.EntityName] = proposal.EntitySource;
        }

        proposal.Stage = ProposalStage.Applied;
        proposal.AppliedVersion = manifest.Version;
        proposal.Journal(ProposalStage.Applied, $"schema version {manifest.Version}");
        await DynamicMigrationHistory.InsertAsync(connection, transaction, manifest, MigrationManifest.Checksum(manifest.ToJson(), MigrationManifest.OwnFiles(draft)),
            MechanicJson.Write(sources), proposal.Id, cancellationToken);
        await using var update = new NpgsqlCommand(
            "UPDATE schema_changes SET stage = $2, applied_version = $3, progress = $4, updated_at = now() WHERE id = $1", connection, transaction);
        update.Parameters.Add(new NpgsqlParameter { Value = proposal.Id });
        update.Parameters.Add(new NpgsqlParameter { Value = proposal.Stage });
        update.Parameters.Add(new NpgsqlParameter { Value = manifest.Version });
        update.Parameters.Add(new NpgsqlParameter { Value = proposal.Progress, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>From "applied": the steps outside the transaction, the git commit, the audit row. Each step is safe to run again.</summary>
    private async Task FinishAsync(SchemaProposal proposal, SchemaDraft draft, CancellationToken cancellationToken)
    {
        var manifest = MigrationManifest.For(proposal, draft, proposal.AppliedVersion ?? 0);
        var files = manifest.CommitFiles(draft);
        if (proposal.Stage == ProposalStage.Applied)
        {
            try
            {
                await runner.ApplyNonTransactionalAsync(draft.Steps, draft.Table, cancellationToken);
            }
            catch (MigrationFailedException e)
            {
                proposal.Error = $"the table changes are applied, but a step outside the transaction failed (the index was not built; an INVALID index it left is dropped): {e.Message}";
            }

            git.Write(files);
            proposal.GitCommit = git.Commit(files, draft.MigrationId, manifest.Path, ChangeCommit.Message(proposal, draft), ChangeCommit.Trailers(proposal));
            crashPoints.Reached(CrashPoints.GitCommitMade);
            var pushError = git.Push();
            proposal.Stage = ProposalStage.Committed;
            proposal.Journal(ProposalStage.Committed, pushError is null ? $"{git.Branch} {proposal.GitCommit}" : $"{git.Branch} {proposal.GitCommit}; push failed: {pushError}");
            await SaveAsync(proposal, cancellationToken);
            crashPoints.Reached(ProposalStage.Committed);
        }

        if (proposal.Stage == ProposalStage.Committed)
        {
            await AuditAsync(proposal, files, proposal.Error is null ? ProposalStatus.Applied : ProposalStatus.Failed, cancellationToken);
            crashPoints.Reached(ProposalStage.Audited);
        }
    }

    private async Task<SchemaProposal> FailAsync(SchemaProposal proposal, SchemaDraft draft, MigrationManifest? manifest, string error, CancellationToken cancellationToken)
    {
        git.Restore([.. draft.Files.Select(f => f.Path), .. manifest is null ? Array.Empty<string>() : [manifest.Path]]);
        proposal.Error = error;
        proposal.AppliedVersion = null;
        await AuditAsync(proposal, draft.Files, ProposalStatus.Failed, cancellationToken);
        return proposal;
    }

    /// <summary>The audit row and the proposal's final status commit together, so the journal never claims an audit that is not there.</summary>
    private async Task AuditAsync(SchemaProposal proposal, IReadOnlyList<DraftFile> files, string status, CancellationToken cancellationToken)
    {
        var success = status == ProposalStatus.Applied;
        var audit = ChangeAudit.Applied(proposal, files, success, git.Branch);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        proposal.AuditId = await AuditLog.RecordAsync(audit, db, cancellationToken);
        proposal.Status = status;
        if (proposal.GitCommit is not null)
        {
            proposal.Stage = ProposalStage.Audited;
        }

        proposal.Journal(success ? ProposalStage.Audited : JournalEntry.Failed, proposal.Error ?? $"audit {proposal.AuditId}");
        await SaveAsync(proposal, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// A rejection and its audit row commit together: by a reviewer (with the reason), or by the safety rules and the dry
    /// run (<paramref name="reviewer"/> null; the error findings are the reason), when proposed or when re-checked at approval.
    /// </summary>
    private async Task RecordRejectionAsync(SchemaProposal proposal, MechanicCaller? reviewer, string reason, bool isNew, CancellationToken cancellationToken)
    {
        var audit = ChangeAudit.Rejected(proposal, reviewer, reason);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        proposal.AuditId = await AuditLog.RecordAsync(audit, db, cancellationToken);
        if (isNew)
        {
            proposal.UpdatedAt = DateTime.UtcNow;
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        else
        {
            await SaveAsync(proposal, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A proposal drafted against an older schema is drafted again; it goes on only when its SQL is unchanged (or auto-apply allows it).</summary>
    private async Task RedraftAsync(SchemaProposal proposal, MechanicCaller approver, CancellationToken cancellationToken)
    {
        var previous = proposal.ToDraft();
        var request = MechanicJson.Read<ChangeRequest>(proposal.Request);
        var applied = await history.ReadAppliedAsync(cancellationToken);
        var draft = await Author().DraftAsync(request, applied, cancellationToken);
        git.Restore(previous.Files.Select(f => f.Path));
        proposal.BasedOnMigrationId = applied.LastMigrationId;
        var safe = await CheckAsync(proposal, draft, cancellationToken);
        if (!safe)
        {
            proposal.Status = ProposalStatus.Rejected;
            proposal.Journal(JournalEntry.Redrafted, $"re-checked against {applied.LastMigrationId ?? "the empty schema"} on approval by {approver}: now rejected");
            await RecordRejectionAsync(proposal, null, $"{RulesRejection} when re-checked against {applied.LastMigrationId ?? "the empty schema"} on approval by {approver}",
                isNew: false, cancellationToken);
            throw new ConflictException($"The schema changed since this proposal was drafted; re-checked against {applied.LastMigrationId}, it is now rejected: "
                + string.Join("; ", draft.Findings.Select(f => f.Message)));
        }

        git.Write(draft.Files);
        var sameSql = previous.Steps.Select(s => s.Sql).SequenceEqual(draft.Steps.Select(s => s.Sql));
        proposal.Journal(JournalEntry.Redrafted, $"re-checked against {applied.LastMigrationId}: {(sameSql ? "same SQL" : "new SQL")}");
        await SaveAsync(proposal, cancellationToken);
        if (!sameSql && !(settings.AutoApply && draft.Findings.Count == 0))
        {
            throw new ConflictException($"The schema changed since this proposal was drafted; it was re-drafted against {applied.LastMigrationId} with new SQL. Review it and approve again.");
        }
    }

    /// <summary>Fills the proposal from the draft and dry-runs a safe draft; a failed dry run becomes an error finding.</summary>
    private async Task<bool> CheckAsync(SchemaProposal proposal, SchemaDraft draft, CancellationToken cancellationToken)
    {
        var findings = draft.Findings.ToList();
        if (draft.IsSafe)
        {
            var dryRunError = await runner.DryRunAsync(draft.Steps, cancellationToken);
            proposal.DryRunOk = dryRunError is null;
            proposal.DryRunError = dryRunError is null ? null : JsonbText.SanitizeText(dryRunError);
            if (dryRunError is not null)
            {
                findings.Add(new SafetyFinding("dry-run", SafetyFinding.Error, $"The migration does not apply to the database: {dryRunError}"));
            }
        }
        else
        {
            proposal.DryRunOk = null;
            proposal.DryRunError = null;
        }

        proposal.Record(draft with { Findings = findings });
        return findings.All(f => f.Severity != SafetyFinding.Error);
    }

    private async Task<bool> IsAppliedAsync(string migrationId, CancellationToken cancellationToken) =>
        await db.Migrations.AsNoTracking().AnyAsync(m => m.MigrationId == migrationId, cancellationToken);

    private async Task SaveAsync(SchemaProposal proposal, CancellationToken cancellationToken)
    {
        proposal.UpdatedAt = DateTime.UtcNow;
        db.Proposals.Update(proposal);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private ISchemaAuthor Author() => services.GetRequiredService<ISchemaAuthor>();
}
