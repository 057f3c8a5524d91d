using Monolith.Tests.Core.Telegram;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Agents;

public sealed class ForgetRemovesTheSearchRow(MonolithFixture fixture) : BotTest(fixture)
{
    private const long User = 42;

    [Fact]
    public async Task TheForgottenMessageLeavesTheIndexAndALaterEditDoesNotBringItBack()
    {
        await Bot.PostAsync(UpdateJson.Text(4400, User, "the wifi password is swordfish", messageId: 70));
        await Bot.Api.WaitForSentAsync(1);
        await Bot.WaitUntilProcessedAsync();
        var message = await Bot.ScalarAsync<Guid>("SELECT id FROM messages WHERE sequence = 1");
        Assert.Equal(1L, await Bot.ScalarAsync<long>("SELECT count(*) FROM search_index WHERE entity_id = $1", message));

        await Bot.PostAsync(UpdateJson.Text(4401, User, "/forget 1"));
        Assert.Equal("Forgotten #1.", (await Bot.Api.WaitForSentAsync(2))[1].Text);
        await Bot.WaitUntilProcessedAsync();
        Assert.Equal(0L, await Bot.ScalarAsync<long>("SELECT count(*) FROM search_index WHERE entity_id = $1", message));
        Assert.True(await Bot.ScalarAsync<bool>("SELECT metadata @> '{\"forgotten\": true}' AND content = '[forgotten]' FROM messages WHERE id = $1", message));

        await Bot.PostAsync(UpdateJson.Edited(4402, User, messageId: 70, "the wifi password is marlin"));
        await Bot.PostAsync(UpdateJson.Text(4403, User, "/forget 1"));
        Assert.StartsWith("There is no message #1", (await Bot.Api.WaitForSentAsync(3))[2].Text, StringComparison.Ordinal);
        await Bot.WaitUntilProcessedAsync();
        Assert.Equal("[forgotten]", await Bot.ScalarAsync<string>("SELECT content FROM messages WHERE id = $1", message));
        Assert.Equal(0L, await Bot.ScalarAsync<long>("SELECT count(*) FROM search_index WHERE entity_id = $1", message));
    }
}
