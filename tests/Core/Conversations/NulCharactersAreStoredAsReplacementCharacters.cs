using System.Net;
using System.Text;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Conversations.ConversationsApi;

namespace Monolith.Tests.Core.Conversations;

public sealed class NulCharactersAreStoredAsReplacementCharacters(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task NulInTitleAndMetadataBecomesUFFFD()
    {
        var response = await PostAsync("/api/conversations", """{"userId":1,"chatId":1,"title":"a\u0000b","metadata":{"k\u0000":"v\u0000","list":["\u0000"]}}""");
        var created = await ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal("a\uFFFDb", created.GetProperty("title").GetString());
        Assert.Equal("v\uFFFD", created.GetProperty("metadata").GetProperty("k\uFFFD").GetString());
        Assert.Equal("\uFFFD", created.GetProperty("metadata").GetProperty("list")[0].GetString());
    }

    [Fact]
    public async Task NulInContentAndMetadataBecomesUFFFDAndStaysSearchable()
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        var response = await PostAsync($"/api/conversations/{id}/messages", """{"role":"user","content":"hello\u0000world","metadata":{"raw":"\u0000"}}""");
        var message = await ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal("hello\uFFFDworld", message.GetProperty("content").GetString());

        var stored = Items(await GetAsync(client, $"/api/conversations/{id}/messages"))[0];
        Assert.Equal("hello\uFFFDworld", stored.GetProperty("content").GetString());
        Assert.Equal("\uFFFD", stored.GetProperty("metadata").GetProperty("raw").GetString());
        Assert.Single((await GetAsync(client, "/api/conversations/search?userId=42&q=world")).EnumerateArray());
    }

    [Fact]
    public async Task LoneSurrogateEscapeIsAProblemNotACrash()
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        var content = await PostAsync($"/api/conversations/{id}/messages", """{"role":"user","content":"\ud800"}""");
        await content.AssertProblemAsync(HttpStatusCode.BadRequest);
        var metadata = await PostAsync($"/api/conversations/{id}/messages", """{"role":"user","content":"x","metadata":{"k":"\ud800"}}""");
        await metadata.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0, (await GetAsync(client, $"/api/conversations/{id}")).GetProperty("lastSequence").GetInt64());
    }

    private Task<HttpResponseMessage> PostAsync(string url, string json) =>
        Fixture.Client().PostAsync(new Uri(url, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
}
