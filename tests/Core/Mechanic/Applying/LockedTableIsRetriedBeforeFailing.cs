using Monolith.Mechanic;
using Monolith.Schema;
using Npgsql;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>A step that gives up waiting for a table lock is rolled back and tried again, rather than failing the change.</summary>
public sealed class LockedTableIsRetriedBeforeFailing
{
    private static readonly TimeSpan PatienceForEachWait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ApprovalBlockedPastTheLockTimeoutAppliesOnALaterAttempt()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var create = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var first = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), create, null, MechanicCaller.Operator, CancellationToken.None));
        await env.WithPipelineAsync(p => p.ApproveAsync(first.Id, MechanicCaller.Operator, CancellationToken.None));
        var add = DraftBuilder.AddColumn(create, "20260101000100_AddAge", "Age", "age", FieldType.Int, "integer");
        var second = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), add, create.MigrationId, MechanicCaller.Operator, CancellationToken.None));

        // ACCESS SHARE blocks ALTER TABLE but not pg_dump, so the approval gets as far as the DDL and waits there.
        await using var holder = new NpgsqlConnection(env.ConnectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE characters IN ACCESS SHARE MODE", holder, held))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var approval = env.WithPipelineAsync(p => p.ApproveAsync(second.Id, MechanicCaller.Operator, CancellationToken.None));
        var firstAttempt = await WaitingAlterStartedAsync(env, after: null, approval);
        await WaitingAlterStartedAsync(env, after: firstAttempt, approval);
        await held.RollbackAsync();

        var applied = await approval;
        Assert.True(applied.Status == ProposalStatus.Applied, applied.Error);
        Assert.True(await env.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'characters' AND column_name = 'age')"));
        Assert.Equal(2L, await env.ScalarAsync<long>("SELECT max(version) FROM dynamic_migrations"));
    }

    /// <summary>When the ALTER TABLE is waiting for the lock in a statement started after <paramref name="after"/>: that statement's start.</summary>
    private static async Task<DateTime> WaitingAlterStartedAsync(MechanicEnvironment env, DateTime? after, Task approval)
    {
        var deadline = DateTime.UtcNow + PatienceForEachWait;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(approval.IsCompleted, "the approval finished while the table was locked");
            var started = await env.ScalarAsync<DateTime>("""
                SELECT max(query_start) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'ALTER TABLE characters ADD COLUMN age%'
                """);
            if (started != default && (after is null || started > after))
            {
                return started;
            }

            await Task.Delay(50);
        }

        Assert.Fail(after is null ? "the ALTER TABLE never waited for the lock" : "the ALTER TABLE was not tried again after its lock timeout");
        return default;
    }
}
