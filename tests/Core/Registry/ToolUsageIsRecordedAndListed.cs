using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Registry;

public sealed class ToolUsageIsRecordedAndListed(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly Uri Usage = new("/api/tools/web.search/usage", UriKind.Relative);

    [Fact]
    public async Task RecordedCallsAreListedNewestFirstWithPaging()
    {
        await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name = "web.search", modulePath = "a.py" });
        var conversation = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
        {
            var response = await Fixture.Client().PostAsJsonAsync(Usage, new
            {
                conversationId = conversation,
                arguments = new { query = $"q{i}" },
                result = new { hits = i },
                executionTimeMs = 10 + i,
                serverName = "mcp-1",
            });
            var created = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal("web.search", created.GetProperty("tool").GetString());
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/tools/web.search/usage?limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("arguments").GetProperty("query").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(["q4", "q3", "q2", "q1", "q0"], seen);
        var newest = (await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/tools/web.search/usage?limit=1")).GetProperty("items")[0];
        Assert.Equal(conversation, newest.GetProperty("conversationId").GetGuid());
        Assert.Equal(14, newest.GetProperty("executionTimeMs").GetInt32());
        Assert.Equal(4, newest.GetProperty("result").GetProperty("hits").GetInt32());
        Assert.Equal("mcp-1", newest.GetProperty("serverName").GetString());
    }

    [Fact]
    public async Task NullResultIsKept()
    {
        await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name = "web.search", modulePath = "a.py" });
        var response = await Fixture.Client().PostAsJsonAsync(Usage, new { arguments = new { }, result = (object?)null, executionTimeMs = 0 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var page = await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/tools/web.search/usage");
        Assert.Equal(JsonValueKind.Null, page.GetProperty("items")[0].GetProperty("result").ValueKind);
    }

    [Theory]
    [InlineData("""{"result":1,"executionTimeMs":1}""", "arguments")]
    [InlineData("""{"arguments":[1],"result":1,"executionTimeMs":1}""", "arguments")]
    [InlineData("""{"arguments":{},"executionTimeMs":1}""", "result")]
    [InlineData("""{"arguments":{},"result":1}""", "executionTimeMs")]
    [InlineData("""{"arguments":{},"result":1,"executionTimeMs":-5}""", "executionTimeMs")]
    [InlineData("""{"arguments":{},"result":1,"executionTimeMs":1,"serverName":"a\u0000"}""", "serverName")]
    public async Task BadCallIs400NamingTheField(string body, string field)
    {
        await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name = "web.search", modulePath = "a.py" });
        var response = await Fixture.Client().PostAsync(Usage, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("""{"arguments":{},"result":1,"executionTimeMs":99999999999}""")]
    [InlineData("""{"arguments":{},"result":1,"executionTimeMs":1,"conversationId":"not-a-guid"}""")]
    public async Task UnreadableCallIs400(string body)
    {
        await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name = "web.search", modulePath = "a.py" });
        var response = await Fixture.Client().PostAsync(Usage, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("eyJDcmVhdGVkQXQiOiJ5ZXN0ZXJkYXkiLCJJZCI6IjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCJ9")]
    [InlineData("%%%")]
    public async Task ForgedCursorIs400(string cursor)
    {
        await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name = "web.search", modulePath = "a.py" });
        var response = await Fixture.Client().GetAsync(new Uri($"/api/tools/web.search/usage?cursor={cursor}", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
