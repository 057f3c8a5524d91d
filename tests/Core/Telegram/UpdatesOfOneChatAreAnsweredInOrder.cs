using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Telegram;

public sealed class UpdatesOfOneChatAreAnsweredInOrder(MonolithFixture fixture) : BotTest(fixture)
{
    [Fact]
    public async Task RepliesAndStoredSequencesFollowTheUpdates()
    {
        const int count = 12;
        for (var i = 0; i < count; i++)
        {
            await Bot.PostAsync(UpdateJson.Text(1000 + i, 77, $"/find item{i:D2}"));
            await Bot.PostAsync(UpdateJson.Text(2000 + i, 88, $"/find other{i:D2}"));
        }

        var sent = await Bot.Api.WaitForSentAsync(2 * count);
        var first = sent.Where(s => s.ChatId == 77).Select(s => s.Text).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"Nothing found for “item{i:D2}”."), first);
        var second = sent.Where(s => s.ChatId == 88).Select(s => s.Text).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"Nothing found for “other{i:D2}”."), second);

        var stored = await Bot.ScalarAsync<string>("""
            SELECT string_agg(m.content, ',' ORDER BY m.sequence) FROM messages m JOIN conversations c ON c.id = m.conversation_id
            WHERE c.chat_id = 77 AND m.role = 'user'
            """);
        Assert.Equal(string.Join(',', Enumerable.Range(0, count).Select(i => $"/find item{i:D2}")), stored);
    }
}
