using System.Net;
using System.Net.Http.Json;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Conversations.ConversationsApi;

namespace Monolith.Tests.Core.Conversations;

public sealed class ClosingIsIdempotentAndRefusesAppends(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task ClosingTwiceAnswers200BothTimesAndKeepsTheFirstCloseTime()
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        var first = await ReadAsync(await client.PostAsync(new Uri($"/api/conversations/{id}/close", UriKind.Relative), null), HttpStatusCode.OK);
        var second = await ReadAsync(await client.PostAsync(new Uri($"/api/conversations/{id}/close", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.Equal("closed", first.GetProperty("status").GetString());
        Assert.Equal("closed", second.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("updatedAt").GetDateTime(), second.GetProperty("updatedAt").GetDateTime());
    }

    [Fact]
    public async Task AppendingToAClosedConversationIs409AndStoresNothing()
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        await AppendAsync(client, id, "before closing");
        await client.PostAsync(new Uri($"/api/conversations/{id}/close", UriKind.Relative), null);

        var response = await client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { role = "user", content = "after closing" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("closed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var conversation = await GetAsync(client, $"/api/conversations/{id}");
        Assert.Equal(1, conversation.GetProperty("lastSequence").GetInt64());
        Assert.Single(Items(await GetAsync(client, $"/api/conversations/{id}/messages")));
    }
}
