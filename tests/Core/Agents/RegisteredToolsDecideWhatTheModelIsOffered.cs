using Monolith.Tests.Core.Telegram;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Agents;

public sealed class RegisteredToolsDecideWhatTheModelIsOffered(MonolithFixture fixture) : ModelTest(fixture)
{
    [Fact]
    public async Task RegisteredDescriptionAndSchemaReplaceTheBuiltInsAndInactiveOrForeignToolsAreLeftOut()
    {
        var config = Path.Combine(Path.GetTempPath(), $"assistant-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, """{"prompt": "You are Test Bot.", "tools": ["recall", "remember", "search_memory", "web.search"]}""");
        try
        {
            await Bot.ScalarAsync<Guid>("INSERT INTO agents (name, config_path) VALUES ('assistant', $1) RETURNING id", config);
            await Bot.ScalarAsync<Guid>("""
                INSERT INTO tools (name, description, module_path, schema) VALUES
                  ('recall', 'Look up the user''s notes.', 'builtin:search_memory', '{"type":"object","properties":{"query":{"type":"string"}},"required":["query"]}')
                RETURNING id
                """);
            await Bot.ScalarAsync<Guid>("INSERT INTO tools (name, module_path, is_active) VALUES ('search_memory', 'builtin:search_memory', false) RETURNING id");
            await Bot.ScalarAsync<Guid>("INSERT INTO tools (name, module_path) VALUES ('web.search', 'tools/search.py') RETURNING id");
            Model.Reply("Hello.");
            await Bot.PostAsync(UpdateJson.Text(3300, 42, "hello"));
            await Bot.Api.WaitForSentAsync(1);

            var offered = Model.Requests.Single().Body["tools"]!.AsArray().Select(t => t!["function"]!).ToList();
            Assert.Equal(["recall", "remember"], offered.Select(f => f["name"]!.GetValue<string>()));
            Assert.Equal("Look up the user's notes.", offered[0]["description"]!.GetValue<string>());
            Assert.Null(offered[0]["parameters"]!["properties"]!["limit"]);
            Assert.NotNull(offered[1]["parameters"]!["properties"]!["text"]);
        }
        finally
        {
            File.Delete(config);
        }
    }
}
