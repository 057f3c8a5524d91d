using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Mechanic;
using Monolith.Schema;
using Monolith.Tests.Core.Mechanic;
using Monolith.Tests.Core.Telegram;
using Npgsql;

namespace Monolith.Tests.Core.Agents;

/// <summary>
/// propose_schema_change turns the user's words into a Mechanic proposal made by the bot for that user; once an
/// admin approves it the next turn has the entity's tools. Hostile requests are refused and the daily limit holds.
/// </summary>
public sealed class AssistantProposesSchemaChangesForItsUser : IAsyncLifetime
{
    private const string CharacterEntity = """{"entity":{"name":"Character","fields":[{"name":"Name","type":"string","maxLength":80,"required":true}]}}""";

    private readonly string config = Path.Combine(Path.GetTempPath(), $"assistant-{Guid.NewGuid():N}.json");
    private FakeChatModel model = null!;
    private FakeBotApi api = null!;
    private MechanicEnvironment env = null!;

    public async Task InitializeAsync()
    {
        model = await FakeChatModel.StartAsync();
        api = await FakeBotApi.StartAsync();
        await File.WriteAllTextAsync(config, """{ "prompt": "Keep the user's records.", "tools": ["propose_schema_change"], "entities": ["*"] }""");
        env = await MechanicEnvironment.StartAsync(settings =>
        {
            settings["TELEGRAM_BOT_TOKEN"] = FakeBotApi.Token;
            settings["TELEGRAM_WEBHOOK_SECRET"] = BotHost.Secret;
            settings["TELEGRAM_API_BASE_URL"] = api.BaseUrl.ToString();
            settings["CHAT_MODEL_BASE_URL"] = model.BaseUrl.ToString();
            settings["CHAT_MODEL_API_KEY"] = ModelTest.ApiKey;
            settings["CHAT_MODEL"] = "test-model";
            settings["AGENT_CONFIG_DIR"] = Path.GetTempPath();
            settings["AGENT_SCHEMA_PROPOSALS_PER_DAY"] = "2";
        });
        await env.ExecuteAsync($"INSERT INTO agents (name, config_path) VALUES ('assistant', '{config}')");
    }

    public async Task DisposeAsync()
    {
        await env.DisposeAsync();
        await api.DisposeAsync();
        await model.DisposeAsync();
        File.Delete(config);
    }

    [Fact]
    public async Task ApprovedProposalGivesTheNextTurnItsToolsAndTheDailyLimitHolds()
    {
        var proposed = await ToolAsync(7000, 42, "Please keep track of my story's characters", "propose_schema_change", CharacterEntity);
        Assert.Equal(ProposalStatus.PendingReview, proposed["status"]!.GetValue<string>());
        var id = Guid.Parse(proposed["proposal"]!.GetValue<string>());
        Assert.Equal("agent:assistant user:42", await env.ScalarAsync<string>("SELECT actor FROM schema_changes WHERE id = $1", id));
        Assert.Equal("Please keep track of my story's characters", await env.ScalarAsync<string>("SELECT instruction FROM schema_changes WHERE id = $1", id));
        Assert.Equal(ReviewChannel.Bot, await env.ScalarAsync<string>("SELECT proposed_by->>'channel' FROM schema_changes WHERE id = $1", id));
        Assert.False(await env.TableExistsAsync("characters"));

        using var admin = env.AdminClient();
        var approved = await admin.PostAsync(new Uri($"/api/admin/mechanic/changes/{id}/approve", UriKind.Relative), null);
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        Assert.True(await env.TableExistsAsync("characters"));

        var stored = await ToolAsync(7001, 42, "Mira is my smuggler pilot", "create_character", """{"name":"Mira"}""");
        Assert.Equal(42L, await env.ScalarAsync<long>("SELECT created_by FROM characters WHERE id = $1::uuid", stored["row"]!["id"]!.GetValue<string>()));

        var hostile = await ToolAsync(7002, 42, "add a field", "propose_schema_change",
            """{"entity":{"name":"Character","table":"x; DROP TABLE agents","fields":[{"name":"Name","type":"string","maxLength":80,"required":true}]}}""");
        Assert.NotNull(hostile["error"]);
        Assert.True(await env.TableExistsAsync("agents"));
        Assert.Equal(0L, await env.ScalarAsync<long>("SELECT count(*) FROM schema_changes WHERE status = 'applied' AND id <> $1", id));

        // Two proposals were stored for user 42 today (the hostile one is stored as refused): the third is declined.
        var limited = await ToolAsync(7003, 42, "also track places", "propose_schema_change", """{"entity":{"name":"Place","fields":[{"name":"Title","type":"text"}]}}""");
        Assert.Contains("daily limit", limited["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var otherUser = await ToolAsync(7004, 43, "track places for me", "propose_schema_change", """{"entity":{"name":"Place","fields":[{"name":"Title","type":"text"}]}}""");
        Assert.Null(otherUser["error"]);
    }

    /// <summary>One turn of <paramref name="userId"/> in which the model calls one tool; returns the tool's result.</summary>
    private async Task<JsonObject> ToolAsync(int updateId, long userId, string text, string tool, string arguments)
    {
        var before = model.Requests.Count;
        model.CallTools(("call_" + updateId, tool, arguments));
        model.Reply("done");
        using var client = env.Host.Client(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = JsonContent.Create(UpdateJson.Text(updateId, userId, text)) };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", BotHost.Secret);
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (model.Requests.Count < before + 2 || await env.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE status = 'received'") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the turn did not finish in time");
            await Task.Delay(50);
        }

        var second = model.Requests.Skip(before + 1).First().Body;
        var toolMessage = second["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "tool")!;
        return JsonNode.Parse(toolMessage["content"]!.GetValue<string>())!.AsObject();
    }
}
