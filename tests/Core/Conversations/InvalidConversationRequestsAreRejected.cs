using System.Net;
using System.Text;
using System.Text.Json;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Conversations.ConversationsApi;

namespace Monolith.Tests.Core.Conversations;

public sealed class InvalidConversationRequestsAreRejected(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("""{"chatId":1}""", "userId")]
    [InlineData("""{"userId":0,"chatId":1}""", "userId")]
    [InlineData("""{"userId":-5,"chatId":1}""", "userId")]
    [InlineData("""{"userId":1}""", "chatId")]
    [InlineData("""{"userId":1,"chatId":0}""", "chatId")]
    [InlineData("""{"userId":1,"chatId":1,"metadata":[1,2]}""", "metadata")]
    [InlineData("""{"userId":1,"chatId":1,"metadata":"text"}""", "metadata")]
    [InlineData("""{"userId":1,"chatId":1,"metadata":42}""", "metadata")]
    public async Task BadStartRequestNamesTheField(string body, string field)
    {
        var response = await PostAsync("/api/conversations", body);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task TitleOver500CharactersIsRejected()
    {
        var response = await PostAsync("/api/conversations", $$"""{"userId":1,"chatId":1,"title":"{{new string('t', 501)}}"}""");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
        await ReadAsync(await PostAsync("/api/conversations", $$"""{"userId":1,"chatId":1,"title":"{{new string('t', 500)}}"}"""), HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("""{"role":"robot","content":"hi"}""", "role")]
    [InlineData("""{"role":"User","content":"hi"}""", "role")]
    [InlineData("""{"content":"hi"}""", "role")]
    [InlineData("""{"role":"user"}""", "content")]
    [InlineData("""{"role":"user","content":""}""", "content")]
    [InlineData("""{"role":"user","content":"   "}""", "content")]
    [InlineData("""{"role":"user","content":"hi","metadata":[]}""", "metadata")]
    public async Task BadMessageNamesTheField(string body, string field)
    {
        var id = await StartIdAsync(Fixture.Client(), 42);
        var response = await PostAsync($"/api/conversations/{id}/messages", body);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task ContentIsLimitedTo64KiBOfUtf8()
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        await AppendAsync(client, id, new string('a', 64 * 1024));
        // 32,769 Cyrillic letters are fewer characters than the limit but two bytes each in UTF-8.
        var response = await PostAsync($"/api/conversations/{id}/messages", $$"""{"role":"user","content":"{{new string('ж', 32 * 1024 + 1)}}"}""");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("content", out _));
    }

    [Fact]
    public async Task MetadataIsLimitedTo64KiB()
    {
        var id = await StartIdAsync(Fixture.Client(), 42);
        var blob = new { blob = new string('m', 64 * 1024) };
        var response = await PostAsync($"/api/conversations/{id}/messages", JsonSerializer.Serialize(new { role = "user", content = "hi", metadata = blob }));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("metadata", out _));
        var start = await PostAsync("/api/conversations", JsonSerializer.Serialize(new { userId = 1, chatId = 1, metadata = blob }));
        await start.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/conversations")]
    [InlineData("/api/conversations?userId=0")]
    [InlineData("/api/conversations?userId=1&status=archived")]
    [InlineData("/api/conversations?userId=1&limit=0")]
    [InlineData("/api/conversations?userId=1&limit=201")]
    [InlineData("/api/conversations?userId=abc")]
    [InlineData("/api/conversations?userId=99999999999999999999")]
    [InlineData("/api/conversations/search?q=hello")]
    [InlineData("/api/conversations/search?userId=1")]
    [InlineData("/api/conversations/search?userId=1&q=%20%20")]
    [InlineData("/api/conversations/search?userId=1&q=hi&limit=500")]
    [InlineData("/api/users/0/stats")]
    [InlineData("/api/users/abc/stats")]
    public async Task BadQueryIs400Problem(string url)
    {
        var response = await Fixture.Client().GetAsync(new Uri(url, UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SearchQueryOver500CharactersIsRejected()
    {
        var response = await Fixture.Client().GetAsync(new Uri($"/api/conversations/search?userId=1&q={new string('q', 501)}", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("?before=0")]
    [InlineData("?before=-1")]
    [InlineData("?limit=201")]
    [InlineData("?before=x")]
    [InlineData("?cursor=not-a-cursor")]
    public async Task BadHistoryQueryIs400Problem(string query)
    {
        var id = await StartIdAsync(Fixture.Client(), 42);
        var response = await Fixture.Client().GetAsync(new Uri($"/api/conversations/{id}/messages{query}", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private Task<HttpResponseMessage> PostAsync(string url, string json) =>
        Fixture.Client().PostAsync(new Uri(url, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
}
