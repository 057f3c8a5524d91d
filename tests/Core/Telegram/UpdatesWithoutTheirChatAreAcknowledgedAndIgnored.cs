using System.Net;
using System.Text.Json.Nodes;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Telegram;

/// <summary>A malformed update whose message lacks its chat is answered 200 (Telegram retries anything else forever), stored and ignored.</summary>
public sealed class UpdatesWithoutTheirChatAreAcknowledgedAndIgnored(MonolithFixture fixture) : BotTest(fixture)
{
    [Theory]
    [InlineData("message")]
    [InlineData("edited_message")]
    [InlineData("channel_post")]
    [InlineData("callback_query")]
    public async Task UpdateIsStoredAsIgnoredWithoutReply(string kind)
    {
        var update = kind == "callback_query" ? UpdateJson.CallbackQuery(900, 42) : UpdateJson.Text(900, 42, "hello");
        if (kind == "callback_query")
        {
            update["callback_query"]!["message"] = new JsonObject { ["message_id"] = 5, ["date"] = 1_700_000_000, ["text"] = "button" };
        }
        else
        {
            var message = update["message"]!.AsObject();
            update.Remove("message");
            message.Remove("chat");
            update[kind] = message;
        }

        var response = await Bot.PostAsync(update);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await Bot.PostAsync(UpdateJson.Text(901, 42, "/help"));
        await Bot.Api.WaitForSentAsync(1);
        await Bot.WaitUntilProcessedAsync();

        Assert.Equal("ignored", await Bot.ScalarAsync<string>("SELECT status FROM telegram_updates WHERE update_id = 900"));
        Assert.Equal(0L, await Bot.ScalarAsync<long>("SELECT chat_id FROM telegram_updates WHERE update_id = 900"));
        Assert.Single(Bot.Api.Sent);
    }
}
