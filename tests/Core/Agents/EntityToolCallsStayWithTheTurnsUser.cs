using System.Text.Json.Nodes;
using Monolith.Schema;
using Monolith.Tests.Core.DynamicEntities;
using Monolith.Tests.Core.Telegram;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Agents;

/// <summary>Entity tools write rows owned by the turn's user and never read or change another user's rows; bad arguments come back as tool errors.</summary>
public sealed class EntityToolCallsStayWithTheTurnsUser(MonolithFixture fixture) : ModelTest(fixture)
{
    private static readonly EntityShape Character = new("Character", "owned_characters",
    [
        new("Name", "name", FieldType.String, MaxLength: 20, Required: true),
        new("Notes", "notes", FieldType.Text, Searchable: true),
    ]);

    [Fact]
    public async Task RowsBelongToTheirUserAndOthersCannotSeeOrChangeThem()
    {
        await DynamicTables.PublishAsync(Bot.Host, Fixture.ConnectionString, Character);

        var created = await ToolAsync(6000, 42, "create_character", """{"name":"Mira","notes":"a smuggler pilot","createdBy":7}""");
        Assert.Contains("createdBy is set by the service", created["error"]!.GetValue<string>(), StringComparison.Ordinal);

        created = await ToolAsync(6001, 42, "create_character", """{"name":"Mira","notes":"a smuggler pilot"}""");
        var id = created["row"]!["id"]!.GetValue<string>();
        Assert.Equal(42L, await Bot.ScalarAsync<long>("SELECT created_by FROM owned_characters WHERE id = $1::uuid", id));

        var listed = await ToolAsync(6002, 42, "list_character", """{"notes":"SMUGGLER"}""");
        Assert.Equal(id, listed["items"]!.AsArray().Single()!["id"]!.GetValue<string>());
        Assert.Empty((await ToolAsync(6003, 42, "list_character", """{"name":"Nobody"}"""))["items"]!.AsArray());

        Assert.Empty((await ToolAsync(6004, 43, "list_character", "{}"))["items"]!.AsArray());
        Assert.Contains("does not exist", (await ToolAsync(6005, 43, "get_character", $$"""{"id":"{{id}}"}"""))["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("does not exist", (await ToolAsync(6006, 43, "update_character", $$"""{"id":"{{id}}","name":"Stolen"}"""))["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("does not exist", (await ToolAsync(6007, 43, "delete_character", $$"""{"id":"{{id}}"}"""))["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Mira", await Bot.ScalarAsync<string>("SELECT name FROM owned_characters WHERE id = $1::uuid AND NOT is_deleted", id));

        var updated = await ToolAsync(6008, 42, "update_character", $$"""{"id":"{{id}}","name":"Mira Vale"}""");
        Assert.Equal("Mira Vale", updated["row"]!["name"]!.GetValue<string>());
        Assert.True((await ToolAsync(6009, 42, "delete_character", $$"""{"id":"{{id}}"}"""))["deleted"]!.GetValue<bool>());
        Assert.Empty((await ToolAsync(6010, 42, "list_character", "{}"))["items"]!.AsArray());

        Assert.Equal(11L, await Bot.ScalarAsync<long>("""
            SELECT count(*) FROM tool_usage u JOIN tools t ON t.id = u.tool_id WHERE t.name LIKE '%\_character' AND u.conversation_id IS NOT NULL
            """));
    }

    [Fact]
    public async Task InvalidArgumentsComeBackAsErrorsTheModelCanCorrect()
    {
        await DynamicTables.PublishAsync(Bot.Host, Fixture.ConnectionString, Character);

        var missing = await ToolAsync(6100, 42, "create_character", """{"notes":"no name"}""");
        Assert.Contains("required", missing["fields"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        var tooLong = await ToolAsync(6101, 42, "create_character", """{"name":"a name far longer than twenty characters"}""");
        Assert.NotNull(tooLong["fields"]!["name"]);
        var unknown = await ToolAsync(6102, 42, "create_character", """{"name":"Ok","wings":2}""");
        Assert.NotNull(unknown["fields"]!["wings"]);
        Assert.Contains("id is required", (await ToolAsync(6103, 42, "get_character", """{"id":"not-a-uuid"}"""))["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("not a JSON object", (await ToolAsync(6104, 42, "list_character", "{not json"))["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("cursor", (await ToolAsync(6105, 42, "list_character", """{"cursor":"garbage"}"""))["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0L, await Bot.ScalarAsync<long>("SELECT count(*) FROM owned_characters"));
    }

    /// <summary>One turn of <paramref name="userId"/> in its private chat in which the model calls one tool; returns the tool's result.</summary>
    private async Task<JsonObject> ToolAsync(int updateId, long userId, string tool, string arguments)
    {
        var before = Model.Requests.Count;
        Model.CallTools(("call_" + updateId, tool, arguments));
        Model.Reply("done");
        await Bot.PostAsync(UpdateJson.Text(updateId, userId, "please " + tool));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Model.Requests.Count < before + 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the model was not asked twice in time");
            await Task.Delay(20);
        }

        await Bot.WaitUntilProcessedAsync();
        var second = Model.Requests.Skip(before + 1).First().Body;
        var toolMessage = second["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "tool")!;
        return JsonNode.Parse(toolMessage["content"]!.GetValue<string>())!.AsObject();
    }
}
