using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Conversations.ConversationsApi;

namespace Monolith.Tests.Core.Conversations;

public sealed class ConversationsAreStartedReadAndListed(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task StartingAnswers201WithLocationAndTheStoredConversation()
    {
        var client = Fixture.Client();
        var response = await client.PostAsJsonAsync("/api/conversations", new { userId = 42, chatId = -1001234567890, title = "Trip", metadata = new { lang = "uk" } });
        var created = await ReadAsync(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/conversations/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("open", created.GetProperty("status").GetString());
        Assert.Equal(0, created.GetProperty("lastSequence").GetInt64());

        var read = await GetAsync(client, $"/api/conversations/{id}");
        Assert.Equal(42, read.GetProperty("userId").GetInt64());
        Assert.Equal(-1001234567890, read.GetProperty("chatId").GetInt64());
        Assert.Equal("Trip", read.GetProperty("title").GetString());
        Assert.Equal("uk", read.GetProperty("metadata").GetProperty("lang").GetString());
    }

    [Fact]
    public async Task MetadataDefaultsToAnEmptyObject()
    {
        var created = await StartAsync(Fixture.Client(), 42, 7);
        Assert.Equal(JsonValueKind.Object, created.GetProperty("metadata").ValueKind);
        Assert.Empty(created.GetProperty("metadata").EnumerateObject());
    }

    [Fact]
    public async Task UnknownConversationIs404Problem()
    {
        var client = Fixture.Client();
        var missing = Guid.NewGuid();
        await (await client.GetAsync(new Uri($"/api/conversations/{missing}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(new Uri("/api/conversations/not-a-guid", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync(new Uri($"/api/conversations/{missing}/close", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(new Uri($"/api/conversations/{missing}/messages", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        var append = await client.PostAsJsonAsync($"/api/conversations/{missing}/messages", new { role = "user", content = "hi" });
        await append.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListIsOneUsersConversationsNewestFirstFilteredByStatus()
    {
        var client = Fixture.Client();
        var first = await StartIdAsync(client, 42, 1);
        var second = await StartIdAsync(client, 42, 2);
        await StartIdAsync(client, 43, 1);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri($"/api/conversations/{first}/close", UriKind.Relative), null)).StatusCode);

        var all = Items(await GetAsync(client, "/api/conversations?userId=42"));
        Assert.Equal([second, first], all.Select(c => c.GetProperty("id").GetGuid()));
        var open = Items(await GetAsync(client, "/api/conversations?userId=42&status=open"));
        Assert.Equal([second], open.Select(c => c.GetProperty("id").GetGuid()));
        var closed = Items(await GetAsync(client, "/api/conversations?userId=42&status=closed"));
        Assert.Equal([first], closed.Select(c => c.GetProperty("id").GetGuid()));
    }
}
