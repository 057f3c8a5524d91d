using Monolith.Tests.Core.Search;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Conversations;

public sealed class AppendedMessagesAreFoundThroughTheSearchApi(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task UserAndSystemMessagesAreSearchableAtOnceAndRepliesAreNot()
    {
        using var client = Fixture.Client();
        var conversation = await ConversationsApi.StartIdAsync(client, userId: 900, chatId: 901);
        var said = await ConversationsApi.AppendAsync(client, conversation, "the rocket launch is at dawn");
        await ConversationsApi.AppendAsync(client, conversation, "noted: rocket launch at dawn", role: "assistant");
        var note = await ConversationsApi.AppendAsync(client, conversation, "user prefers rocket emoji", role: "system");

        var hits = await SearchApi.SearchAsync(client, 900, "rocket", mode: "fulltext", entityTypes: ["message"]);
        Assert.Equal(
            new HashSet<Guid> { said.GetProperty("id").GetGuid(), note.GetProperty("id").GetGuid() },
            hits.Select(SearchApi.IdOf).ToHashSet());
        var first = hits.Single(h => SearchApi.IdOf(h) == said.GetProperty("id").GetGuid());
        Assert.Equal("message", first.GetProperty("entityType").GetString());
        Assert.Equal(901, first.GetProperty("metadata").GetProperty("chatId").GetInt64());
        Assert.Equal(1, first.GetProperty("metadata").GetProperty("sequence").GetInt64());
        Assert.Equal(conversation.ToString(), first.GetProperty("metadata").GetProperty("conversationId").GetString());

        // Hybrid finds them before the embedding worker has run: full text needs no embedding.
        Assert.Equal(2, (await SearchApi.SearchAsync(client, 900, "rocket", mode: "hybrid", entityTypes: ["message"])).Count);
        Assert.Empty(await SearchApi.SearchAsync(client, 901, "rocket", mode: "hybrid", entityTypes: ["message"]));
    }
}
