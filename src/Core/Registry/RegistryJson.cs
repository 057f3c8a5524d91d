using System.Text.Json;
using Monolith.Database;

namespace Monolith.Registry;

/// <summary>Moves JSON from the API (JsonElement) into jsonb columns (text); JsonbText.Element reads it back.</summary>
internal static class RegistryJson
{
    public static string ToJsonb(JsonElement value) => JsonbText.Sanitize(value.GetRawText());
}
