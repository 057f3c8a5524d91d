using Monolith.Retention;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Retention;

public sealed class OldMessagesAreDeleted(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private readonly RetentionRows rows = new(fixture);

    [Fact]
    public async Task MessagesOlderThanTheDaysGoInBatchesAndNewerOnesStay()
    {
        var open = await rows.ConversationAsync("open", 0);
        await rows.MessagesAsync(open, 7, daysAgo: 30.01);
        await rows.MessagesAsync(open, 3, daysAgo: 29.99);
        var closed = await rows.ConversationAsync("closed", 100);
        await rows.MessagesAsync(closed, 2, daysAgo: 31);

        var report = await rows.Cleanup(RetentionRows.Settings(messagesDays: 30, batchSize: 3)).RunAsync(new CleanupRequest(), CancellationToken.None);

        Assert.Equal(CleanupOutcome.Completed, report.Outcome);
        Assert.Equal(new CleanupCounts(9, 0, 0, 0, 0), report.Counts);
        Assert.Equal(3, await rows.CountAsync("SELECT count(*) FROM messages"));
        Assert.Equal(0, await rows.CountAsync("SELECT count(*) FROM messages WHERE created_at < now() - interval '30 days'"));
        // The messages policy deletes messages only: both conversations, even the long-closed one, stay.
        Assert.Equal(2, await rows.CountAsync("SELECT count(*) FROM conversations"));
    }
}
