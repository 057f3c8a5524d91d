using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Monolith.Mcp;

/// <summary>The tools that do not depend on the dynamic schema: memory search, conversation history, proposing a schema change.</summary>
public static class ServiceTools
{
    public const string MemorySearch = "memory_search";
    public const string ConversationHistory = "conversation_history";
    public const string ProposeSchemaChange = "propose_schema_change";

    public static IReadOnlyList<Tool> All { get; } =
    [
        Tool(MemorySearch, "Search the user's memory: their messages and searchable entity rows, best first.", new()
        {
            ["query"] = new JsonObject { ["type"] = "string" },
            ["limit"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 50 },
            ["mode"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("hybrid", "full_text", "semantic") },
        }, "query"),
        Tool(ConversationHistory, "The latest messages of one of the user's conversations, oldest first.", new()
        {
            ["conversationId"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
            ["limit"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 200 },
        }, "conversationId"),
        Tool(ProposeSchemaChange, "Propose a change to the dynamic schema for an admin to review (never applies it).", new()
        {
            ["instruction"] = new JsonObject { ["type"] = "string" },
            ["entity"] = new JsonObject { ["type"] = "object", ["description"] = "The entity as the Mechanic's structured form (see docs/mechanic.md)." },
            ["source"] = new JsonObject { ["type"] = "string", ["description"] = "Or the C# source of one entity class." },
        }, "instruction"),
    ];

    private static Tool Tool(string name, string description, JsonObject properties, params string[] required)
    {
        properties["userId"] = new JsonObject { ["type"] = "integer", ["description"] = "The user this call acts for." };
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. required.Prepend("userId").Select(r => (JsonNode)r)]),
        };
        return new Tool { Name = name, Description = description, InputSchema = JsonSerializer.SerializeToElement(schema) };
    }
}
