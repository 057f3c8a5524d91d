using System.Net;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Telegram;

public sealed class FullQueueAsksTelegramToRetry(MonolithFixture fixture) : BotTest(fixture)
{
    protected override Dictionary<string, string?> ExtraSettings => new() { ["TELEGRAM_QUEUE_CAPACITY"] = "1" };

    [Fact]
    public async Task UpdateBeyondCapacityIs503AndIsTakenWhenSentAgain()
    {
        Bot.Api.SendGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostAsync(UpdateJson.Text(1300, 42, "/help"))).StatusCode);

        var refused = await Bot.PostAsync(UpdateJson.Text(1301, 43, "/help"));
        await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
        Assert.Equal(0L, await Bot.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE update_id = 1301"));

        Bot.Api.SendGate.SetResult();
        await Bot.Api.WaitForSentAsync(1);
        await Bot.WaitUntilProcessedAsync();
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostAsync(UpdateJson.Text(1301, 43, "/help"))).StatusCode);
        await Bot.Api.WaitForSentAsync(2);
    }
}
