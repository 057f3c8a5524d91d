using System.Net;
using System.Text.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Telegram;

public sealed class TextMessagesAreStoredAndAnswered(MonolithFixture fixture) : BotTest(fixture)
{
    private const long User = 5_000_000_001;

    [Fact]
    public async Task StartIsAnsweredWithHelp()
    {
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostAsync(UpdateJson.Text(100, User, "/start"))).StatusCode);
        var sent = await Bot.Api.WaitForSentAsync(1);
        Assert.Equal(User, sent[0].ChatId);
        Assert.Contains("/find", sent[0].Text, StringComparison.Ordinal);
        Assert.Null(sent[0].Body["parse_mode"]);
    }

    [Fact]
    public async Task MessageIsStoredWithItsTelegramIdsThenFoundAgain()
    {
        await Bot.PostAsync(UpdateJson.Text(200, User, "My passport number is AB123456", messageId: 17));
        await Bot.PostAsync(UpdateJson.Text(201, User, "/find passport", messageId: 18));
        var sent = await Bot.Api.WaitForSentAsync(2);
        Assert.Contains("AB123456", sent[1].Text, StringComparison.Ordinal);

        var metadata = await Bot.ScalarAsync<string>("""
            SELECT m.metadata::text FROM messages m JOIN conversations c ON c.id = m.conversation_id
            WHERE c.user_id = $1 AND c.chat_id = $1 AND m.sequence = 1
            """, User);
        var telegram = JsonDocument.Parse(metadata).RootElement.GetProperty("telegram");
        Assert.Equal(17, telegram.GetProperty("messageId").GetInt32());
        Assert.Equal(200, telegram.GetProperty("updateId").GetInt32());
        Assert.Equal(4L, await Bot.ScalarAsync<long>("SELECT count(*) FROM messages"));
        Assert.Equal(1L, await Bot.ScalarAsync<long>("SELECT count(*) FROM conversations WHERE user_id = $1", User));
    }

    [Fact]
    public async Task EachTurnWritesACheckpointOnTheConversationThread()
    {
        await Bot.PostAsync(UpdateJson.Text(300, User, "first"));
        await Bot.PostAsync(UpdateJson.Text(301, User, "second"));
        await Bot.Api.WaitForSentAsync(2);
        await Bot.WaitUntilProcessedAsync();

        var conversation = await Bot.ScalarAsync<Guid>("SELECT id FROM conversations WHERE user_id = $1", User);
        Assert.Equal(2L, await Bot.ScalarAsync<long>("SELECT count(*) FROM langgraph_checkpoints WHERE thread_id = $1", conversation.ToString()));
        var latest = await Bot.ScalarAsync<string>(
            "SELECT checkpoint::text FROM langgraph_checkpoints WHERE thread_id = $1 ORDER BY checkpoint_id DESC LIMIT 1", conversation.ToString());
        var messages = JsonDocument.Parse(latest).RootElement.GetProperty("channel_values").GetProperty("messages");
        Assert.Equal("second", messages[0].GetProperty("content").GetString());
        Assert.Equal(1L, await Bot.ScalarAsync<long>("SELECT count(*) FROM langgraph_checkpoints WHERE thread_id = $1 AND parent_id IS NOT NULL", conversation.ToString()));
        Assert.Equal(1L, await Bot.ScalarAsync<long>("""
            SELECT count(*) FROM langgraph_checkpoints child JOIN langgraph_checkpoints parent
              ON parent.thread_id = child.thread_id AND parent.checkpoint_ns = child.checkpoint_ns AND parent.checkpoint_id = child.parent_id
            WHERE child.thread_id = $1 AND child.checkpoint_id > parent.checkpoint_id
            """, conversation.ToString()));
    }

    [Fact]
    public async Task StatsHistoryAndForgetWork()
    {
        await Bot.PostAsync(UpdateJson.Text(400, User, "the wifi password is swordfish"));
        await Bot.Api.WaitForSentAsync(1);
        await Bot.PostAsync(UpdateJson.Text(401, User, "/forget 1"));
        await Bot.PostAsync(UpdateJson.Text(402, User, "/find swordfish"));
        await Bot.PostAsync(UpdateJson.Text(403, User, "/stats"));
        await Bot.PostAsync(UpdateJson.Text(404, User, "/history"));
        var sent = await Bot.Api.WaitForSentAsync(5);
        Assert.Equal("Forgotten #1.", sent[1].Text);
        Assert.StartsWith("Nothing found", sent[2].Text, StringComparison.Ordinal);
        Assert.Contains("Conversations: 1", sent[3].Text, StringComparison.Ordinal);
        Assert.Contains("#1 you: [forgotten]", sent[4].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherUsersMessagesAreNeverFound()
    {
        await Bot.PostAsync(UpdateJson.Text(500, User, "secret plan alpha"));
        await Bot.PostAsync(UpdateJson.Text(501, User + 1, "/find alpha"));
        var sent = await Bot.Api.WaitForSentAsync(2);
        var reply = sent.Single(s => s.ChatId == User + 1);
        Assert.StartsWith("Nothing found", reply.Text, StringComparison.Ordinal);
    }
}
