using Monolith.Retention;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Retention;

public sealed class DisabledPoliciesDoNothing(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private readonly RetentionRows rows = new(fixture);

    [Fact]
    public async Task WithNoPolicySetNothingIsDeletedOrAudited()
    {
        await SeedExpiredEverythingAsync();

        var report = await rows.Cleanup(RetentionRows.Settings()).RunAsync(new CleanupRequest(), CancellationToken.None);

        Assert.Equal(CleanupOutcome.NothingConfigured, report.Outcome);
        Assert.Equal((3L, 1L, 3L), await CountsAsync());
        Assert.Equal(0, await rows.CountAsync("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task OnlyTheConfiguredPolicyActs()
    {
        await SeedExpiredEverythingAsync();

        var report = await rows.Cleanup(RetentionRows.Settings(keepCheckpoints: 1)).RunAsync(new CleanupRequest(), CancellationToken.None);

        Assert.Equal(new CleanupCounts(0, 0, 0, 2, 0), report.Counts);
        Assert.Equal((3L, 1L, 1L), await CountsAsync());
    }

    private async Task SeedExpiredEverythingAsync()
    {
        var closed = await rows.ConversationAsync("closed", 3_000);
        await rows.MessagesAsync(closed, 3, daysAgo: 3_000);
        for (var i = 0; i < 3; i++)
        {
            await rows.CheckpointAsync("thread", string.Empty, $"cp-{i}");
        }
    }

    private async Task<(long Messages, long Conversations, long Checkpoints)> CountsAsync() => (
        await rows.CountAsync("SELECT count(*) FROM messages"),
        await rows.CountAsync("SELECT count(*) FROM conversations"),
        await rows.CountAsync("SELECT count(*) FROM langgraph_checkpoints"));
}
