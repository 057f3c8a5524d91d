using System.Text.Json;
using Monolith.Database;

namespace Monolith.Registry;

/// <summary>Moves JSON between the API (JsonElement) and jsonb columns (text).</summary>
internal static class RegistryJson
{
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static string ToJsonb(JsonElement value) => JsonbText.Sanitize(value.GetRawText());
}
