using System.Net;
using System.Net.Http.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Telegram;

public sealed class BotTokenNeverReachesTheLog(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task TheServiceLogSaysTheBotIsOnAndNamesBotApiCallsWithoutTheToken()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.RateLimitedSends = 1;
        var settings = BotHost.Settings(Fixture.ConnectionString, api.BaseUrl);

        // Every level HttpClient logs at, so a URL written at Debug or Trace would show too.
        settings["Logging__LogLevel__Default"] = "Debug";
        settings["Logging__LogLevel__System.Net.Http"] = "Trace";
        settings["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning";
        string output;
        await using (var service = await HostProcess.StartAsync(settings))
        {
            using var client = service.Client(apiKey: null);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = JsonContent.Create(UpdateJson.Text(5100, 42, "hello")) };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", BotHost.Secret);
            using var accepted = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            await api.WaitForSentAsync(1);
            await Eventually.TrueAsync(() => service.Output.Contains("sendMessage answered 200", StringComparison.Ordinal));
            output = service.Output;
        }

        Assert.Contains("Telegram bot is on", output, StringComparison.Ordinal);
        Assert.Contains("Bot API POST sendMessage answered 429", output, StringComparison.Ordinal);
        var secretPart = FakeBotApi.Token[(FakeBotApi.Token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Assert.DoesNotContain(secretPart, output, StringComparison.Ordinal);
        Assert.DoesNotContain("/bot" + FakeBotApi.Token[..FakeBotApi.Token.IndexOf(':', StringComparison.Ordinal)], output, StringComparison.Ordinal);
    }
}
