using System.Net;
using System.Text;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Telegram;

public sealed class WebhookRefusesWrongOrMissingSecret(MonolithFixture fixture) : BotTest(fixture)
{
    [Fact]
    public async Task MissingSecretIs401ProblemAndNothingIsStored()
    {
        var response = await Bot.PostAsync(UpdateJson.Text(1, 42, "hello"), secret: null);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0L, await Bot.ScalarAsync<long>("SELECT count(*) FROM telegram_updates"));
    }

    [Fact]
    public async Task WrongSecretIs403ProblemAndNothingIsStored()
    {
        var response = await Bot.PostAsync(UpdateJson.Text(1, 42, "hello"), secret: BotHost.Secret + "x");
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0L, await Bot.ScalarAsync<long>("SELECT count(*) FROM telegram_updates"));
        Assert.Empty(Bot.Api.Calls);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"message\": {\"text\": \"no update id\"}}")]
    [InlineData("{\"update_id\": \"many\"}")]
    [InlineData("null")]
    public async Task BodyThatIsNoUpdateIs400Problem(string body)
    {
        using var client = Bot.Host.Client(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", BotHost.Secret);
        var response = await client.SendAsync(request);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task WithTheBotOffTheWebhookIs404Problem()
    {
        using var client = Fixture.Client(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent("{\"update_id\": 1}", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", BotHost.Secret);
        var response = await client.SendAsync(request);
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TokenWithoutSecretRefusesEveryWebhookRequest()
    {
        var settings = BotHost.Settings(Fixture.ConnectionString, Bot.Api.BaseUrl);
        settings.Remove("TELEGRAM_WEBHOOK_SECRET");
        await using var host = await TestHost.StartAsync(settings);
        using var client = host.Client(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent("{\"update_id\": 1}", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "anything");
        var response = await client.SendAsync(request);
        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("TELEGRAM_WEBHOOK_SECRET", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
