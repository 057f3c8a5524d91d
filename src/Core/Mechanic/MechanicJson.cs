using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monolith.Mechanic;

/// <summary>How the Mechanic writes its jsonb columns and migration manifests: camelCase, enums as camelCase strings.</summary>
public static class MechanicJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = false,
    };

    /// <summary>For files in the repository, where reviewers read diffs.</summary>
    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"Expected a {typeof(T).Name}, got null.");
}
