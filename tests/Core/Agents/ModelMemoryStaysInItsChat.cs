using System.Text.Json.Nodes;
using Monolith.Tests.Core.Telegram;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Agents;

public sealed class ModelMemoryStaysInItsChat(MonolithFixture fixture) : ModelTest(fixture)
{
    private const long User = 42;
    private const long Group = -1009876543210;

    [Fact]
    public async Task SearchMemoryAndRecalledMemoryReturnIndexedMessagesOfThisChatOnly()
    {
        Model.Reply("Noted.");
        await Bot.PostAsync(UpdateJson.Text(4500, User, "my dentist is Dr. Novak on Baker street"));
        await Bot.Api.WaitForSentAsync(1);
        await Bot.WaitUntilProcessedAsync();

        Model.CallTools(("call_1", "search_memory", "{\"query\":\"dentist\"}"));
        Model.Reply("Dr. Novak.");
        await Bot.PostAsync(UpdateJson.Text(4501, User, "who is my dentist?"));
        await Bot.Api.WaitForSentAsync(2);
        await Bot.WaitUntilProcessedAsync();

        Model.CallTools(("call_2", "search_memory", "{\"query\":\"dentist\"}"));
        Model.Reply("I don't know.");
        await Bot.PostAsync(UpdateJson.Text(4502, User, "who is my dentist?", chatId: Group));
        await Bot.Api.WaitForSentAsync(3);
        await Bot.WaitUntilProcessedAsync();

        var requests = Model.Requests.Select(r => r.Body).ToList();
        Assert.Equal(5, requests.Count);
        var privateTool = ToolResult(requests[2]);
        Assert.Equal(1, privateTool["results"]![0]!["id"]!.GetValue<long>());
        Assert.Equal("my dentist is Dr. Novak on Baker street", privateTool["results"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("Dr. Novak", SystemPrompt(requests[1]), StringComparison.Ordinal);

        Assert.Empty(ToolResult(requests[4])["results"]!.AsArray());
        Assert.DoesNotContain("Novak", SystemPrompt(requests[3]), StringComparison.Ordinal);
    }

    private static string SystemPrompt(JsonObject request) => request["messages"]![0]!["content"]!.GetValue<string>();

    private static JsonObject ToolResult(JsonObject request) =>
        JsonNode.Parse(request["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "tool")!["content"]!.GetValue<string>())!.AsObject();
}
