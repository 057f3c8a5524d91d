using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Mcp;

/// <summary>Connects the C# SDK's MCP client to the test host's /mcp with a key, and reads tool results.</summary>
public static class McpConnections
{
    public static readonly EntityShape Notes = new("McpNote", "mcp_notes", [new("Body", "body", FieldType.Text, Searchable: true)]);

    public static async Task<McpClient> ConnectAsync(MonolithFixture fixture, string apiKey)
    {
        var http = fixture.Client(apiKey);
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            http, NullLoggerFactory.Instance, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, cancellationToken: CancellationToken.None);
    }

    public static async Task<string> UserKeyAsync(MonolithFixture fixture, long userId)
    {
        var response = await fixture.AdminClient().PostAsJsonAsync("/api/admin/mcp/user-keys", new { userId });
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
    }

    public static Task<CallToolResult> CallAsync(this McpClient client, string tool, object arguments) =>
        client.CallToolAsync(tool, JsonSerializer.SerializeToElement(arguments).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value)).AsTask();

    public static string Text(this CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    public static JsonNode Json(this CallToolResult result)
    {
        Assert.True(result.IsError is not true, result.Text());
        return JsonNode.Parse(result.Text())!;
    }
}
