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
}
