using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Agents;
using Monolith.Schema;
using Monolith.Tests.Core.DynamicEntities;
using Monolith.Tests.Core.Telegram;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Agents;

/// <summary>The assistant is offered tools per live entity, with schemas from its fields, rebuilt only when the schema version changes.</summary>
public sealed class EntityToolsFollowTheServedSchema(MonolithFixture fixture) : ModelTest(fixture)
{
    private static readonly EntityShape Character = new("Character", "tool_characters",
    [
        new("Name", "name", FieldType.String, MaxLength: 80, Required: true),
        new("Role", "role", FieldType.String, MaxLength: 40, Required: true, Default: "\"extra\""),
        new("Age", "age", FieldType.Int, Deprecated: true),
    ]);

    [Fact]
    public async Task NewFieldsAppearOnTheNextTurnAndRetiredEntitiesDisappear()
    {
        await DynamicTables.PublishAsync(Bot.Host, Fixture.ConnectionString, Character);
        var tools = Bot.Host.Services.GetRequiredService<EntityTools>();

        var offered = await TurnAsync(5000, "hello");
        Assert.Equal(
            ["search_memory", "remember", "search_documents", "create_character", "update_character", "get_character", "list_character", "delete_character"],
            offered.Keys);
        var create = offered["create_character"];
        Assert.Equal(80, create["properties"]!["name"]!["maxLength"]!.GetValue<int>());
        Assert.Equal("extra", create["properties"]!["role"]!["default"]!.GetValue<string>());
        Assert.Equal(["name"], create["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Null(create["properties"]!["age"]);
        Assert.Equal(["id"], offered["update_character"]["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Null(offered["update_character"]["properties"]!["name"]!["default"]);
        Assert.NotNull(offered["list_character"]["properties"]!["role"]);

        await TurnAsync(5001, "again");
        var buildsForOneVersion = tools.Builds;

        await DynamicTables.PublishAsync(Bot.Host, Fixture.ConnectionString, Character with
        {
            Fields = [.. Character.Fields, new("Motivation", "motivation", FieldType.Text)],
        });
        offered = await TurnAsync(5002, "and now?");
        Assert.Equal("string", offered["create_character"]["properties"]!["motivation"]!["type"]!.GetValue<string>());
        Assert.Equal(buildsForOneVersion + 1, tools.Builds);

        await DynamicTables.PublishAsync(Bot.Host, Fixture.ConnectionString, Character with { Retired = true });
        offered = await TurnAsync(5003, "still there?");
        Assert.Equal(["search_memory", "remember", "search_documents"], offered.Keys);
    }

    [Fact]
    public async Task AnAgentIsOfferedOnlyTheEntitiesItsConfigNames()
    {
        var other = new EntityShape("Idea", "tool_ideas", [new("Title", "title", FieldType.Text, Required: true)]);
        await DynamicTables.PublishAsync(Bot.Host, Fixture.ConnectionString, Character, other);
        var config = Path.Combine(Path.GetTempPath(), $"assistant-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, """{ "prompt": "Ideas only.", "tools": [], "entities": ["Idea"] }""");
        try
        {
            await Bot.ScalarAsync<Guid>("INSERT INTO agents (name, config_path) VALUES ('assistant', $1) RETURNING id", config);
            var offered = await TurnAsync(5100, "hi");
            Assert.Equal(["create_idea", "update_idea", "get_idea", "list_idea", "delete_idea"], offered.Keys);
        }
        finally
        {
            File.Delete(config);
        }
    }

    /// <summary>Runs one turn on which the model answers at once, and returns the tools it was offered with their parameter schemas.</summary>
    private async Task<Dictionary<string, JsonObject>> TurnAsync(int updateId, string text)
    {
        var before = Model.Requests.Count;
        Model.Reply("ok");
        await Bot.PostAsync(UpdateJson.Text(updateId, 42, text));
        await WaitForAsync(() => Model.Requests.Count > before);
        await Bot.WaitUntilProcessedAsync();
        var request = Model.Requests.Skip(before).First().Body;
        return (request["tools"] as JsonArray ?? []).ToDictionary(
            t => t!["function"]!["name"]!.GetValue<string>(),
            t => t!["function"]!["parameters"]!.AsObject());
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the model was not asked in time");
            await Task.Delay(20);
        }
    }
}
