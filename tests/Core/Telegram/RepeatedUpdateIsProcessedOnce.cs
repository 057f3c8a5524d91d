using System.Net;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Telegram;

public sealed class RepeatedUpdateIsProcessedOnce(MonolithFixture fixture) : BotTest(fixture)
{
    [Fact]
    public async Task SameUpdateIdTwiceGetsOneReply()
    {
        var update = UpdateJson.Text(700, 42, "hello there");
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostAsync(update)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostAsync(update)).StatusCode);
        await Bot.Api.WaitForSentAsync(1);
        await Bot.WaitUntilProcessedAsync();

        Assert.Equal(HttpStatusCode.OK, (await Bot.PostAsync(update)).StatusCode);
        await Bot.WaitUntilProcessedAsync();
        Assert.Single(Bot.Api.Sent);
        Assert.Equal(1L, await Bot.ScalarAsync<long>("SELECT count(*) FROM messages WHERE role = 'user'"));
        Assert.Equal("done", await Bot.ScalarAsync<string>("SELECT status FROM telegram_updates WHERE update_id = 700"));
    }

    [Fact]
    public async Task ConcurrentDeliveriesOfOneUpdateGetOneReply()
    {
        var update = UpdateJson.Text(710, 43, "at once");
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Bot.PostAsync(update)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Bot.Api.WaitForSentAsync(1);
        await Bot.WaitUntilProcessedAsync();
        Assert.Single(Bot.Api.Sent);
    }
}
