using Monolith.Retention;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Retention;

public sealed class ClosedConversationsAreDeletedWithTheirMessages(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private readonly RetentionRows rows = new(fixture);

    [Fact]
    public async Task OnlyClosedConversationsUntouchedForLongerThanTheDaysGo()
    {
        var expired = await rows.ConversationAsync("closed", 90.01);
        await rows.MessagesAsync(expired, 5, daysAgo: 1);
        var recentlyClosed = await rows.ConversationAsync("closed", 89.99);
        await rows.MessagesAsync(recentlyClosed, 2, daysAgo: 200);
        var oldButOpen = await rows.ConversationAsync("open", 400);
        await rows.MessagesAsync(oldButOpen, 2, daysAgo: 400);

        var report = await rows.Cleanup(RetentionRows.Settings(closedDays: 90, batchSize: 2)).RunAsync(new CleanupRequest(), CancellationToken.None);

        Assert.Equal(new CleanupCounts(0, 1, 5, 0, 0), report.Counts);
        var left = (await rows.ListAsync("SELECT id::text FROM conversations")).ToHashSet();
        Assert.Equal(new HashSet<string> { recentlyClosed.ToString(), oldButOpen.ToString() }, left);
        Assert.Equal(0, await rows.CountAsync("SELECT count(*) FROM messages WHERE conversation_id = $1", expired));
        Assert.Equal(4, await rows.CountAsync("SELECT count(*) FROM messages"));
    }
}
