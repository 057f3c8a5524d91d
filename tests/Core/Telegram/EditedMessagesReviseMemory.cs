using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Telegram;

public sealed class EditedMessagesReviseMemory(MonolithFixture fixture) : BotTest(fixture)
{
    [Fact]
    public async Task FindSeesTheEditedWordsAndTheEditGetsNoReply()
    {
        await Bot.PostAsync(UpdateJson.Text(800, 42, "my locker code is 1234", messageId: 55));
        await Bot.PostAsync(UpdateJson.Edited(801, 42, messageId: 55, "my locker code is 5678"));
        await Bot.PostAsync(UpdateJson.Text(802, 42, "/find 5678"));
        await Bot.PostAsync(UpdateJson.Text(803, 42, "/find 1234"));
        var sent = await Bot.Api.WaitForSentAsync(3);
        await Bot.WaitUntilProcessedAsync();

        Assert.Equal(3, Bot.Api.Sent.Count);
        Assert.Contains("my locker code is 5678", sent[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("Nothing found", sent[2].Text, StringComparison.Ordinal);
        Assert.Equal("done", await Bot.ScalarAsync<string>("SELECT status FROM telegram_updates WHERE update_id = 801"));
    }

    [Fact]
    public async Task TheSearchRowGetsTheNewTextAndIsEmbeddedAgain()
    {
        await Bot.PostAsync(UpdateJson.Text(810, 42, "my locker code is 1234", messageId: 56));
        await Bot.Api.WaitForSentAsync(1);
        await Bot.WaitUntilProcessedAsync();
        var message = await Bot.ScalarAsync<Guid>("SELECT id FROM messages WHERE sequence = 1");
        await Eventually.TrueAsync(async () => await Bot.ScalarAsync<long>("SELECT count(*) FROM search_index WHERE entity_id = $1 AND embedding IS NOT NULL", message) == 1);
        var before = await Bot.ScalarAsync<string>("SELECT embedding::text FROM search_index WHERE entity_id = $1", message);

        await Bot.PostAsync(UpdateJson.Edited(811, 42, messageId: 56, "my locker code is 5678"));
        await Bot.WaitUntilProcessedAsync();

        Assert.Equal("my locker code is 5678", await Bot.ScalarAsync<string>("SELECT content FROM search_index WHERE entity_id = $1", message));
        await Eventually.TrueAsync(async () => await Bot.ScalarAsync<long>("SELECT count(*) FROM search_index WHERE entity_id = $1 AND embedding IS NOT NULL", message) == 1);
        Assert.NotEqual(before, await Bot.ScalarAsync<string>("SELECT embedding::text FROM search_index WHERE entity_id = $1", message));
    }
}
