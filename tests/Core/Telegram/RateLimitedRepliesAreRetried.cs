using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Telegram;

public sealed class RateLimitedRepliesAreRetried(MonolithFixture fixture) : BotTest(fixture)
{
    [Fact]
    public async Task A429IsRetriedAfterItsRetryAfter()
    {
        Bot.Api.RateLimitedSends = 1;
        Bot.Api.RetryAfterSeconds = 1;
        await Bot.PostAsync(UpdateJson.Text(1100, 42, "/help"));
        var sent = await Bot.Api.WaitForSentAsync(1);
        await Bot.WaitUntilProcessedAsync();

        var refused = Assert.Single(Bot.Api.Calls, c => c.Method == "sendMessage" && !c.Accepted);
        Assert.True(sent[0].At - refused.At >= TimeSpan.FromMilliseconds(950), $"retried after {(sent[0].At - refused.At).TotalMilliseconds} ms");
        Assert.Equal("done", await Bot.ScalarAsync<string>("SELECT status FROM telegram_updates WHERE update_id = 1100"));
    }

    [Fact]
    public async Task LongRepliesAreSentInPartsOfAtMost4096()
    {
        var note = string.Join(' ', Enumerable.Repeat("lighthouse", 500));
        await Bot.PostAsync(UpdateJson.Text(1200, 42, note));
        await Bot.PostAsync(UpdateJson.Text(1201, 42, "/find lighthouse"));
        var sent = await Bot.Api.WaitForSentAsync(3);
        await Bot.WaitUntilProcessedAsync();

        var parts = Bot.Api.Sent.Skip(1).ToList();
        Assert.True(parts.Count >= 2);
        Assert.All(parts, p => Assert.InRange(p.Text.Length, 1, 4096));
        Assert.Equal(500, parts.Sum(p => p.Text.Split(' ').Count(w => w.EndsWith("lighthouse", StringComparison.Ordinal))));
        Assert.Equal(sent[0].ChatId, parts[0].ChatId);
    }
}
