using Monolith.Tests.Core.Telegram;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Agents;

public sealed class GroupChatsNeverRecallPrivateMessages(MonolithFixture fixture) : BotTest(fixture)
{
    private const long User = 42;
    private const long Group = -1001234567890;

    [Fact]
    public async Task FindSeesOnlyTheChatItIsAskedIn()
    {
        await Bot.PostAsync(UpdateJson.Text(4300, User, "my bank pin is 4321"));
        await Bot.PostAsync(UpdateJson.Text(4301, User, "team lunch moved to friday", chatId: Group));
        await Bot.Api.WaitForSentAsync(2);
        await Bot.WaitUntilProcessedAsync();

        await Bot.PostAsync(UpdateJson.Text(4302, User, "/find pin", chatId: Group));
        await Bot.PostAsync(UpdateJson.Text(4303, User, "/find lunch", chatId: Group));
        await Bot.PostAsync(UpdateJson.Text(4304, User, "/find pin"));
        await Bot.PostAsync(UpdateJson.Text(4305, User, "/find lunch"));
        await Bot.Api.WaitForSentAsync(6);
        await Bot.WaitUntilProcessedAsync();

        var inGroup = Bot.Api.Sent.Where(s => s.ChatId == Group).Select(s => s.Text).ToList();
        var inPrivate = Bot.Api.Sent.Where(s => s.ChatId == User).Select(s => s.Text).ToList();
        Assert.StartsWith("Nothing found", inGroup[1], StringComparison.Ordinal);
        Assert.Contains("team lunch moved to friday", inGroup[2], StringComparison.Ordinal);
        Assert.Contains("my bank pin is 4321", inPrivate[1], StringComparison.Ordinal);
        Assert.StartsWith("Nothing found", inPrivate[2], StringComparison.Ordinal);
        Assert.DoesNotContain(inGroup, text => text.Contains("4321", StringComparison.Ordinal));
    }
}
