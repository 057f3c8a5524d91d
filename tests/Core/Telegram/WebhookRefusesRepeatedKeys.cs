using System.Net;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Telegram;

/// <summary>An update that repeats a key (which text, which chat?) is a 400 naming the key and is not stored.</summary>
public sealed class WebhookRefusesRepeatedKeys(MonolithFixture fixture) : BotTest(fixture)
{
    [Theory]
    [InlineData("""{"update_id":900,"update_id":901,"message":{"message_id":1,"date":1700000000,"chat":{"id":42,"type":"private"},"text":"hi"}}""", "update_id")]
    [InlineData("""{"update_id":900,"message":{"message_id":1,"date":1700000000,"chat":{"id":42,"type":"private"},"text":"hi","text":"/start"}}""", "text")]
    [InlineData("""{"update_id":900,"message":{"message_id":1,"date":1700000000,"chat":{"id":42,"id":43,"type":"private"},"text":"hi"}}""", "id")]
    public async Task RepeatedKeyIs400AndNothingIsStored(string body, string key)
    {
        var response = await Bot.PostRawAsync(body);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"'{key}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await Bot.ScalarAsync<long>("SELECT count(*) FROM telegram_updates"));
    }
}
