using System.Text.Json;
using System.Text.Json.Nodes;

namespace Monolith.Database;

/// <summary>Moves JSON to and from jsonb: storable text (PostgreSQL rejects the \u0000 escape, so NUL becomes U+FFFD) and elements read back.</summary>
public static class JsonbText
{
    public static string Sanitize(string json)
    {
        if (!json.Contains("\\u0000", StringComparison.Ordinal))
        {
            return json;
        }

        var node = JsonNode.Parse(json);
        return node is null ? "null" : Clean(node)!.ToJsonString();
    }

    /// <summary>A stored jsonb value as a JsonElement that owns its memory (no document to dispose).</summary>
    public static JsonElement Element(string json) => JsonSerializer.Deserialize<JsonElement>(json);

    /// <summary>Text columns reject NUL too.</summary>
    public static string SanitizeText(string text) => text.Replace('\0', '\uFFFD');

    private static JsonNode? Clean(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(SanitizeText(p.Key), Clean(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Clean)]),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(SanitizeText(text)),
        _ => node?.DeepClone(),
    };
}
