using System.Net;
using System.Text.Json.Nodes;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Telegram;

public sealed class UnsupportedUpdatesAreAcknowledgedAndIgnored(MonolithFixture fixture) : BotTest(fixture)
{
    public static TheoryData<string> Kinds => ["sticker", "photo", "channel_post", "callback_query"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task UpdateIsStoredAsIgnoredWithoutReply(string kind)
    {
        JsonObject update = kind switch
        {
            "sticker" => UpdateJson.Sticker(900, 42),
            "photo" => UpdateJson.PhotoWithoutCaption(900, 42),
            "channel_post" => UpdateJson.ChannelPost(900),
            _ => UpdateJson.CallbackQuery(900, 42),
        };
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostAsync(update)).StatusCode);
        // A text after it in the same chat proves the ignored update was handled first and sent nothing.
        await Bot.PostAsync(UpdateJson.Text(901, 42, "/help"));
        await Bot.Api.WaitForSentAsync(1);
        await Bot.WaitUntilProcessedAsync();

        Assert.Equal("ignored", await Bot.ScalarAsync<string>("SELECT status FROM telegram_updates WHERE update_id = 900"));
        Assert.Single(Bot.Api.Sent);
        Assert.Equal(1L, await Bot.ScalarAsync<long>("SELECT count(*) FROM messages WHERE role = 'user'"));
    }
}
