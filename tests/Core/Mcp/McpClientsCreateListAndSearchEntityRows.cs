using Monolith.Tests.Core.DynamicEntities;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Mcp;

public sealed class McpClientsCreateListAndSearchEntityRows(MonolithFixture fixture) : IntegrationTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, McpConnections.Notes);
    }

    [Fact]
    public async Task TheCSharpClientListsToolsCreatesARowListsItAndFindsItInMemory()
    {
        await using var client = await McpConnections.ConnectAsync(Fixture, TestKeys.Service);

        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        Assert.Contains("memory_search", tools);
        Assert.Contains("conversation_history", tools);
        Assert.Contains("propose_schema_change", tools);
        foreach (var op in (string[])["create", "list", "get", "update", "delete"])
        {
            Assert.Contains($"mcp_notes_{op}", tools);
        }

        var created = (await client.CallAsync("mcp_notes_create", new { userId = 100L, values = new { body = "the heron nests by the river" } })).Json();
        Assert.Equal(100L, created["createdBy"]!.GetValue<long>());
        var id = created["id"]!.GetValue<Guid>();

        var listed = (await client.CallAsync("mcp_notes_list", new { userId = 100L })).Json();
        Assert.Equal(id, Assert.Single(listed["items"]!.AsArray())!["id"]!.GetValue<Guid>());
        Assert.Empty((await client.CallAsync("mcp_notes_list", new { userId = 200L })).Json()["items"]!.AsArray());

        var hits = (await client.CallAsync("memory_search", new { userId = 100L, query = "heron", mode = "full_text" })).Json()["hits"]!.AsArray();
        Assert.Equal(id, Assert.Single(hits)!["entityId"]!.GetValue<Guid>());
        Assert.Empty((await client.CallAsync("memory_search", new { userId = 200L, query = "heron", mode = "full_text" })).Json()["hits"]!.AsArray());

        var updated = (await client.CallAsync("mcp_notes_update", new { userId = 100L, id, values = new { body = "moved" } })).Json();
        Assert.Equal("moved", updated["body"]!.GetValue<string>());
        (await client.CallAsync("mcp_notes_delete", new { userId = 100L, id })).Json();
        var gone = await client.CallAsync("mcp_notes_get", new { userId = 100L, id });
        Assert.True(gone.IsError);
        Assert.Contains("does not exist", gone.Text(), StringComparison.Ordinal);
    }
}
