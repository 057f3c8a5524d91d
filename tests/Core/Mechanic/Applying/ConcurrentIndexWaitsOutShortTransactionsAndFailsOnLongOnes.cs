using System.Diagnostics;
using Monolith.Mechanic;
using Monolith.Schema;
using Npgsql;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>CREATE INDEX CONCURRENTLY waits for open writers under a 5 s lock timeout: retried a bounded number of times, then failed naming the writer.</summary>
public sealed class ConcurrentIndexWaitsOutShortTransactionsAndFailsOnLongOnes
{
    [Fact]
    public async Task ATransactionOpenLongerThanTheRetriesFailsTheIndexNamingIt()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var index = await ProposeIndexAsync(env);
        await using var writer = await OpenWriterAsync(env);
        var clock = Stopwatch.StartNew();

        var result = await env.WithPipelineAsync(p => p.ApproveAsync(index.Id, MechanicCaller.Operator, CancellationToken.None));

        Assert.Equal(ProposalStatus.Failed, result.Status);
        Assert.Contains("55P03", result.Error, StringComparison.Ordinal);
        Assert.Contains($"pid {writer.ProcessID} (long-open-writer", result.Error, StringComparison.Ordinal);
        Assert.Contains("is dropped before the next index build on characters", result.Error, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(19), TimeSpan.FromSeconds(60));
        Assert.Equal(0L, await env.ScalarAsync<long>("SELECT count(*) FROM pg_index WHERE indrelid = 'characters'::regclass AND indisvalid AND indexrelid::regclass::text = 'ix_characters_name'"));
        Assert.Equal(ProposalStage.Audited, (await env.WithPipelineAsync(p => p.LoadAsync(index.Id, CancellationToken.None))).Stage);
    }

    [Fact]
    public async Task ATransactionThatEndsWithinTheRetriesIsWaitedOut()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var index = await ProposeIndexAsync(env);
        var writer = await OpenWriterAsync(env);
        var finish = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(7));
            await using (writer)
            {
                await using var commit = new NpgsqlCommand("COMMIT", writer);
                await commit.ExecuteNonQueryAsync();
            }
        });

        var result = await env.WithPipelineAsync(p => p.ApproveAsync(index.Id, MechanicCaller.Operator, CancellationToken.None));
        await finish;

        Assert.True(result.Status == ProposalStatus.Applied, result.Error);
        Assert.True(await env.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_characters_name'::regclass"));
        Assert.Equal(1L, await env.ScalarAsync<long>("SELECT count(*) FROM characters"));
    }

    private static async Task<SchemaProposal> ProposeIndexAsync(MechanicEnvironment env)
    {
        var characters = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var created = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), characters, null, MechanicCaller.Operator, CancellationToken.None));
        Assert.Equal(ProposalStatus.Applied, (await env.WithPipelineAsync(p => p.ApproveAsync(created.Id, MechanicCaller.Operator, CancellationToken.None))).Status);

        var shape = characters.Entities.Single();
        var source = characters.Files[0].Content + "// indexed\n";
        var draft = DraftBuilder.Draft("Character", "characters", "20260101000001_IndexCharacterName",
            [
                new(MigrationPlanner.SessionPrelude, false, "session timeouts"),
                new("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_characters_name ON characters (name);", false, "create index ix_characters_name on characters concurrently"),
            ],
            source, [shape]);
        var proposed = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), draft, "20260101000000_CreateCharacter", MechanicCaller.Operator, CancellationToken.None));
        Assert.True(proposed.Status == ProposalStatus.PendingReview, proposed.DryRunError);
        return proposed;
    }

    /// <summary>A writer that inserted a row and keeps its transaction open: the index build must wait for it.</summary>
    private static async Task<NpgsqlConnection> OpenWriterAsync(MechanicEnvironment env)
    {
        var writer = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(env.ConnectionString) { ApplicationName = "long-open-writer", Pooling = false }.ConnectionString);
        await writer.OpenAsync();
        await using var insert = new NpgsqlCommand("BEGIN; INSERT INTO characters (name) VALUES ('writer');", writer);
        await insert.ExecuteNonQueryAsync();
        return writer;
    }
}
