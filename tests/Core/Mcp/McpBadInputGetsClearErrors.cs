using System.Net;
using System.Text;
using ModelContextProtocol;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Mcp;

public sealed class McpBadInputGetsClearErrors(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task UnknownToolsAreProtocolErrorsAndBadArgumentsAreToolErrors()
    {
        await using var client = await McpConnections.ConnectAsync(Fixture, TestKeys.Service);

        var unknown = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallAsync("no_such_tool", new { userId = 1L }));
        Assert.Contains("no_such_tool", unknown.Message, StringComparison.Ordinal);

        var noUser = await client.CallAsync("memory_search", new { query = "x" });
        Assert.True(noUser.IsError);
        Assert.Contains("'userId' is required", noUser.Text(), StringComparison.Ordinal);

        var oversized = await client.CallAsync("memory_search", new { userId = 1L, query = new string('a', 70_000) });
        Assert.True(oversized.IsError);
        Assert.Contains("exceed", oversized.Text(), StringComparison.Ordinal);

        var badMode = await client.CallAsync("memory_search", new { userId = 1L, query = "x", mode = "psychic" });
        Assert.True(badMode.IsError);

        Assert.Contains("memory_search", (await client.ListToolsAsync()).Select(t => t.Name));
    }

    [Fact]
    public async Task MalformedJsonRpcIsRefusedWithoutA500()
    {
        using var http = Fixture.Client();
        using var content = new StringContent("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        using var anonymous = Fixture.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(new Uri("/mcp", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
    }
}
