using System.Text.Json;
using System.Text.Json.Nodes;
using Monolith.Documents;
using Monolith.Search;

namespace Monolith.Agents;

/// <summary>
/// The tools the service runs itself: search_memory (recall the user's messages), remember (keep a note) and
/// search_documents (passages of the files the user sent, with file name and page to cite).
/// </summary>
public sealed class BuiltInTools(ConversationMemory memory, DocumentLibrary documents)
{
    public const string SearchMemory = "search_memory";
    public const string Remember = "remember";
    public const string SearchDocuments = "search_documents";

    /// <summary>A registry tool whose module_path is "builtin:NAME" runs the built-in NAME.</summary>
    public const string ModulePathPrefix = "builtin:";

    public static IReadOnlyDictionary<string, ToolDefinition> Definitions { get; } = new Dictionary<string, ToolDefinition>
    {
        [SearchMemory] = new(SearchMemory, "Search what the user wrote in this chat before. Returns the best matching messages.", Schema("""
            {"type":"object","properties":{"query":{"type":"string","description":"words to look for"},"limit":{"type":"integer","minimum":1,"maximum":20}},"required":["query"]}
            """), SearchMemory),
        [Remember] = new(Remember, "Keep a note about the user for later turns.", Schema("""
            {"type":"object","properties":{"text":{"type":"string","description":"the fact to keep"}},"required":["text"]}
            """), Remember),
        [SearchDocuments] = new(SearchDocuments, "Search the documents (PDF, DOCX, text) the user sent. Returns passages with file name and page; cite them as (file, p. N).", Schema("""
            {"type":"object","properties":{"query":{"type":"string","description":"what to look for, in words the document may use"},"limit":{"type":"integer","minimum":1,"maximum":10}},"required":["query"]}
            """), SearchDocuments),
    };

    /// <summary>Runs a built-in; bad arguments and unknown names become an error result for the model, never an exception.</summary>
    public async Task<JsonObject> ExecuteAsync(string builtIn, string arguments, TurnScope scope, CancellationToken cancellationToken)
    {
        JsonObject args;
        try
        {
            args = JsonNode.Parse(string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments) as JsonObject ?? [];
        }
        catch (JsonException e)
        {
            return Error($"arguments are not a JSON object: {e.Message}");
        }

        switch (builtIn)
        {
            case SearchMemory when Text(args, "query") is { } query:
                var limit = args["limit"] is JsonValue l && l.TryGetValue<int>(out var n) ? Math.Clamp(n, 1, 20) : 5;
                var hits = await memory.SearchAsync(scope.UserId, scope.ChatId, query, limit, scope.UserMessageId, cancellationToken);
                return new JsonObject
                {
                    ["results"] = new JsonArray([.. hits.Select(h => (JsonNode)new JsonObject
                    {
                        ["id"] = h.Sequence,
                        ["text"] = h.Content,
                        ["at"] = h.CreatedAt.ToString("O"),
                    })]),
                };
            case Remember when Text(args, "text") is { } text:
                var note = await memory.AppendAsync(scope.ConversationId, "system", text, new JsonObject { ["kind"] = "memory" }, searchable: true, cancellationToken);
                return new JsonObject { ["remembered"] = true, ["id"] = note.Sequence };
            case SearchDocuments when Text(args, "query") is { } question:
                var count = args["limit"] is JsonValue c && c.TryGetValue<int>(out var k) ? Math.Clamp(k, 1, 10) : 5;
                var passages = await documents.SearchAsync(scope.UserId, question, count, SearchMode.Hybrid, null, cancellationToken);
                return new JsonObject
                {
                    ["results"] = new JsonArray([.. passages.Select(p => (JsonNode)new JsonObject
                    {
                        ["file"] = p.FileName,
                        ["page"] = p.Page,
                        ["chunk"] = p.ChunkIndex,
                        ["text"] = p.Text,
                        ["cite"] = p.Page == p.PageEnd ? $"{p.FileName}, p. {p.Page}" : $"{p.FileName}, pp. {p.Page}-{p.PageEnd}",
                    })]),
                };
            case SearchMemory or SearchDocuments:
                return Error("query is required");
            case Remember:
                return Error("text is required");
            default:
                return Error($"no tool named '{builtIn}' can run here");
        }
    }

    public static JsonObject Error(string message) => new() { ["error"] = message };

    private static string? Text(JsonObject args, string name) =>
        args[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static JsonObject Schema(string json) => JsonNode.Parse(json)!.AsObject();
}
