using Monolith.Operations;
using Monolith.Telegram;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Telegram;

public sealed class PollingFeedsTheSamePipeline(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task PollDeletesTheWebhookAnswersUpdatesAndConfirmsTheOffset()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.QueueUpdates(UpdateJson.Text(1500, 42, "/help"), UpdateJson.Text(1501, 42, "remember the milk"));
        api.QueueUpdates(UpdateJson.Text(1501, 42, "remember the milk"));
        var settings = BotHost.Settings(Fixture.ConnectionString, api.BaseUrl);
        settings.Remove("TELEGRAM_WEBHOOK_SECRET");
        await using var host = await TestHost.StartAsync(settings);

        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var poll = new BotCommand().RunAsync(host.Services, OperatorArguments.Parse(["poll", "--timeout", "1"]), output, stop.Token);
        await api.WaitForSentAsync(2);
        while (api.Calls.Count(c => c.Method == "getUpdates") < 3)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await poll);

        Assert.Equal("deleteWebhook", api.Calls.First().Method);
        var offsets = api.Calls.Where(c => c.Method == "getUpdates").Select(c => c.Body["offset"]?.GetValue<long>()).ToList();
        Assert.Null(offsets[0]);
        Assert.Equal(1502, offsets[1]);
        Assert.Equal(2, api.Sent.Count);
        Assert.Contains("stopped", output.ToString(), StringComparison.Ordinal);
    }
}
