using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Conversations.ConversationsApi;

namespace Monolith.Tests.Core.Conversations;

public sealed class MessagesAreAppendedAndReadNewestFirst(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task AppendAnswers201WithTheNextSequence()
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        var response = await client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { role = "assistant", content = "Hello", metadata = new { model = "m1" } });
        var first = await ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal(1, first.GetProperty("sequence").GetInt64());
        Assert.Equal("assistant", first.GetProperty("role").GetString());
        Assert.Equal("m1", first.GetProperty("metadata").GetProperty("model").GetString());
        Assert.Equal(id, first.GetProperty("conversationId").GetGuid());
        Assert.Equal(2, (await AppendAsync(client, id, "second", "tool")).GetProperty("sequence").GetInt64());

        var conversation = await GetAsync(client, $"/api/conversations/{id}");
        Assert.Equal(2, conversation.GetProperty("lastSequence").GetInt64());
    }

    [Fact]
    public async Task HistoryIsNewestFirstAndPagesByBeforeAndCursor()
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        for (var i = 1; i <= 5; i++)
        {
            await AppendAsync(client, id, $"message {i}");
        }

        var all = await GetAsync(client, $"/api/conversations/{id}/messages");
        Assert.Equal([5L, 4, 3, 2, 1], Items(all).Select(m => m.GetProperty("sequence").GetInt64()));
        Assert.Equal("message 5", Items(all)[0].GetProperty("content").GetString());
        Assert.Equal(JsonValueKind.Null, all.GetProperty("nextCursor").ValueKind);

        var before = await GetAsync(client, $"/api/conversations/{id}/messages?before=4&limit=2");
        Assert.Equal([3L, 2], Items(before).Select(m => m.GetProperty("sequence").GetInt64()));
        var rest = await GetAsync(client, $"/api/conversations/{id}/messages?limit=2&cursor={before.GetProperty("nextCursor").GetString()}");
        Assert.Equal([1L], Items(rest).Select(m => m.GetProperty("sequence").GetInt64()));
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task AnEmptyConversationHasAnEmptyHistory()
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        Assert.Empty(Items(await GetAsync(client, $"/api/conversations/{id}/messages")));
    }

    [Fact]
    public async Task BeforeAndCursorTogetherAre400Problem()
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        var response = await client.GetAsync(new Uri($"/api/conversations/{id}/messages?before=3&cursor=eyJCZWZvcmUiOjJ9", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
