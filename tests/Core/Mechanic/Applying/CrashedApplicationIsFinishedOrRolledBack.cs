using Monolith.Mechanic;
using Monolith.Schema;

namespace Monolith.Tests.Core.Mechanic;

public sealed class CrashedApplicationIsFinishedOrRolledBack
{
    public static TheoryData<string> StepsThatReachTheDatabase => new() { ProposalStage.Applied, "git_commit_made", ProposalStage.Committed, ProposalStage.Audited };

    [Fact]
    public async Task CrashAfterTheBackupRollsBackToPendingReview()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var (draft, id) = await ProposeAsync(env);
        env.CrashPoints.CrashAfter = ProposalStage.BackedUp;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => env.WithPipelineAsync(p => p.ApproveAsync(id, MechanicCaller.Operator, CancellationToken.None)));
        env.CrashPoints.CrashAfter = null;

        await env.WithPipelineAsync(p => p.RecoverAsync(CancellationToken.None));
        var proposal = await env.WithPipelineAsync(p => p.LoadAsync(id, CancellationToken.None));
        Assert.Equal(ProposalStatus.PendingReview, proposal.Status);
        Assert.Contains("rolled_back", proposal.Progress, StringComparison.Ordinal);
        Assert.False(await env.TableExistsAsync("characters"));
        Assert.Equal(0L, await env.ScalarAsync<long>("SELECT count(*) FROM dynamic_migrations"));
        Assert.Empty(env.CommitsFor(draft.MigrationId));
        Assert.False(env.FileExists($"src/Dynamic/Migrations/{draft.MigrationId}.migration.json"));

        var applied = await env.WithPipelineAsync(p => p.ApproveAsync(id, MechanicCaller.Operator, CancellationToken.None));
        Assert.Equal(ProposalStatus.Applied, applied.Status);
    }

    [Theory]
    [MemberData(nameof(StepsThatReachTheDatabase))]
    public async Task CrashAfterTheDatabaseStepIsFinishedByRecovery(string stage)
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var (draft, id) = await ProposeAsync(env);
        env.CrashPoints.CrashAfter = stage;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => env.WithPipelineAsync(p => p.ApproveAsync(id, MechanicCaller.Operator, CancellationToken.None)));
        env.CrashPoints.CrashAfter = null;

        // Recovery runs at start-up: restart the service on the same database and repository.
        await env.Host.DisposeAsync();
        await env.RestartOnSameDatabaseAsync();

        var proposal = await env.WithPipelineAsync(p => p.LoadAsync(id, CancellationToken.None));
        Assert.Equal(ProposalStatus.Applied, proposal.Status);
        Assert.Equal(ProposalStage.Audited, proposal.Stage);
        Assert.True(await env.TableExistsAsync("characters"));
        Assert.Equal(1L, await env.ScalarAsync<long>("SELECT count(*) FROM dynamic_migrations"));
        var commit = Assert.Single(env.CommitsFor(draft.MigrationId));
        Assert.Equal(commit, proposal.GitCommit);
        Assert.Equal(1L, await env.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'schema_change'"));
        Assert.Equal(commit, await env.ScalarAsync<string>("SELECT git_commit FROM audit_log WHERE id = $1", proposal.AuditId!.Value));
    }

    private static async Task<(Monolith.Mechanic.SchemaDraft Draft, Guid Id)> ProposeAsync(MechanicEnvironment env)
    {
        var draft = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var proposal = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), draft, null, MechanicCaller.Operator, CancellationToken.None));
        return (draft, proposal.Id);
    }
}
