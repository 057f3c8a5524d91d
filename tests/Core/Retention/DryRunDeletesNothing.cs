using Monolith.Retention;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Retention;

public sealed class DryRunDeletesNothing(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private readonly RetentionRows rows = new(fixture);

    [Fact]
    public async Task ItCountsExactlyWhatTheRealRunThenDeletes()
    {
        var expired = await rows.ConversationAsync("closed", 100);
        await rows.MessagesAsync(expired, 4, daysAgo: 100);
        var open = await rows.ConversationAsync("open", 0);
        await rows.MessagesAsync(open, 6, daysAgo: 40);
        await rows.MessagesAsync(open, 2, daysAgo: 1);
        for (var i = 0; i < 5; i++)
        {
            await rows.CheckpointAsync("thread", string.Empty, $"cp-{i}", writes: 1);
        }

        var settings = RetentionRows.Settings(messagesDays: 30, closedDays: 30, keepCheckpoints: 1, batchSize: 4);
        const string everything = "SELECT (SELECT count(*) FROM messages) + (SELECT count(*) FROM conversations) + (SELECT count(*) FROM langgraph_checkpoints) + (SELECT count(*) FROM checkpoint_writes)";
        var before = await rows.CountAsync(everything);

        var dry = await rows.Cleanup(settings).RunAsync(new CleanupRequest(DryRun: true), CancellationToken.None);

        Assert.Equal(before, await rows.CountAsync(everything));
        Assert.Equal(new CleanupCounts(6, 1, 4, 4, 4), dry.Counts);
        Assert.True(dry.DryRun);
        Assert.Equal("true", await rows.ScalarAsync("SELECT details->>'dryRun' FROM audit_log WHERE action = 'cleanup'"));

        var real = await rows.Cleanup(settings).RunAsync(new CleanupRequest(), CancellationToken.None);

        Assert.Equal(dry.Counts, real.Counts);
        Assert.Equal(before - dry.Counts.Total, await rows.CountAsync(everything));
    }
}
