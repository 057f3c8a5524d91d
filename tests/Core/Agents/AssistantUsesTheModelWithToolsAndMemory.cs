using Monolith.Tests.Core.Telegram;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Agents;

public sealed class AssistantUsesTheModelWithToolsAndMemory(MonolithFixture fixture) : ModelTest(fixture)
{
    [Fact]
    public async Task RegisteredConfigDrivesPromptModelAndToolsAndToolCallsAreRecorded()
    {
        var config = Path.Combine(Path.GetTempPath(), $"assistant-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, """
            {
              // comments are allowed
              "prompt": "You are Test Bot.",
              "model": "test-model-2",
              "tools": ["search_memory", "remember", "mystery_tool"],
              "historyMessages": 10,
              "maxToolRounds": 2
            }
            """);
        try
        {
            await Bot.ScalarAsync<Guid>("INSERT INTO agents (name, config_path) VALUES ('assistant', $1) RETURNING id", config);
            Model.Reply("Noted.");
            await Bot.PostAsync(UpdateJson.Text(3000, 42, "I need a bike rental on Sunday"));
            await Bot.Api.WaitForSentAsync(1);
            Model.CallTools(("call_1", "search_memory", "{\"query\":\"bike\"}"), ("call_2", "launch_rockets", "{}"));
            Model.Reply("You asked about a bike rental.");
            await Bot.PostAsync(UpdateJson.Text(3001, 42, "what did I ask you?"));
            var sent = await Bot.Api.WaitForSentAsync(2);
            await Bot.WaitUntilProcessedAsync();

            Assert.Equal("You asked about a bike rental.", sent[1].Text);
            var requests = Model.Requests.Skip(1).ToList();
            Assert.Equal(2, requests.Count);
            var first = requests[0].Body;
            Assert.Equal("Bearer " + ModelTest.ApiKey, requests[0].Authorization);
            Assert.Equal("test-model-2", first["model"]!.GetValue<string>());
            Assert.StartsWith("You are Test Bot.", first["messages"]![0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("what did I ask you?", first["messages"]!.AsArray().Last()!["content"]!.GetValue<string>());
            var offered = first["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList();
            Assert.Equal(["search_memory", "remember"], offered);

            var toolMessages = requests[1].Body["messages"]!.AsArray().Where(m => m!["role"]!.GetValue<string>() == "tool").ToList();
            Assert.Equal(2, toolMessages.Count);
            Assert.Contains("bike rental", toolMessages[0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("unknown tool", toolMessages[1]!["content"]!.GetValue<string>(), StringComparison.Ordinal);

            Assert.Equal(1L, await Bot.ScalarAsync<long>("""
                SELECT count(*) FROM tool_usage u JOIN tools t ON t.id = u.tool_id
                WHERE t.name = 'search_memory' AND t.module_path = 'builtin:search_memory' AND u.conversation_id IS NOT NULL AND u.arguments = '{"query":"bike"}'::jsonb
                """));
            Assert.Equal(0L, await Bot.ScalarAsync<long>("SELECT count(*) FROM tools WHERE name = 'launch_rockets'"));
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task RememberKeepsANoteTheUserCanFind()
    {
        Model.CallTools(("call_1", "remember", "{\"text\":\"likes green tea\"}"));
        Model.Reply("I'll remember that.");
        await Bot.PostAsync(UpdateJson.Text(3100, 42, "please remember I like green tea"));
        await Bot.PostAsync(UpdateJson.Text(3101, 42, "/find green tea"));
        var sent = await Bot.Api.WaitForSentAsync(2);

        Assert.Equal("I'll remember that.", sent[0].Text);
        Assert.Contains("likes green tea", sent[1].Text, StringComparison.Ordinal);
        // The command is the memory agent's: the model was asked twice for the first message only.
        Assert.Equal(2, Model.Requests.Count);
    }

    [Fact]
    public async Task ToolRoundsAreBoundedAndTheModelMustThenAnswer()
    {
        for (var i = 0; i < 4; i++)
        {
            Model.CallTools(($"call_{i}", "search_memory", "{\"query\":\"loop\"}"));
        }

        Model.Reply("Done searching.");
        await Bot.PostAsync(UpdateJson.Text(3200, 42, "search forever"));
        var sent = await Bot.Api.WaitForSentAsync(1);

        Assert.Equal("Done searching.", sent[0].Text);
        var requests = Model.Requests.ToList();
        Assert.Equal(5, requests.Count);
        Assert.Null(requests[4].Body["tools"]);
        Assert.All(requests.Take(4), r => Assert.NotNull(r.Body["tools"]));
    }
}
