using System.Text.Json;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Conversations.ConversationsApi;

namespace Monolith.Tests.Core.Conversations;

public sealed class UsersSeeOnlyTheirOwnConversations(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private const long Alice = 1001;
    private const long Bob = 1002;

    [Fact]
    public async Task ListSearchAndStatsNeverIncludeAnotherUsersRows()
    {
        var client = Fixture.Client();
        // Same chat (a group), same words: only the user id tells the rows apart.
        var alices = await StartIdAsync(client, Alice, -100500);
        var bobs = await StartIdAsync(client, Bob, -100500);
        await AppendAsync(client, alices, "secret plan for the weekend");
        await AppendAsync(client, bobs, "secret plan for the holidays");
        await AppendAsync(client, bobs, "another secret");

        var list = Items(await GetAsync(client, $"/api/conversations?userId={Alice}"));
        Assert.Equal([alices], list.Select(c => c.GetProperty("id").GetGuid()));
        Assert.All(list, c => Assert.Equal(Alice, c.GetProperty("userId").GetInt64()));

        var hits = (await GetAsync(client, $"/api/conversations/search?userId={Alice}&q=secret")).EnumerateArray().ToList();
        Assert.Equal([alices], hits.Select(h => h.GetProperty("conversationId").GetGuid()));

        var stats = await GetAsync(client, $"/api/users/{Alice}/stats");
        Assert.Equal(1, stats.GetProperty("conversations").GetInt64());
        Assert.Equal(1, stats.GetProperty("messages").GetInt64());
    }

    [Fact]
    public async Task AUserWithNoConversationsSeesNothing()
    {
        var client = Fixture.Client();
        var bobs = await StartIdAsync(client, Bob);
        await AppendAsync(client, bobs, "hello");

        Assert.Empty(Items(await GetAsync(client, $"/api/conversations?userId={Alice}")));
        Assert.Empty((await GetAsync(client, $"/api/conversations/search?userId={Alice}&q=hello")).EnumerateArray());
        var stats = await GetAsync(client, $"/api/users/{Alice}/stats");
        Assert.Equal(0, stats.GetProperty("conversations").GetInt64());
        Assert.Equal(0, stats.GetProperty("messages").GetInt64());
        Assert.Equal(0, stats.GetProperty("toolCalls").GetInt64());
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("lastActivity").ValueKind);
    }
}
