using System.Text.Json;
using System.Text.Json.Serialization;
using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>
/// The dynamic model after a migration, as JSON we control: the entity shapes. The previous EF model is rebuilt from it
/// with a fresh ModelBuilder for every draft, so no generated C# snapshot is ever compiled or loaded.
/// </summary>
public static class DynamicModelSnapshot
{
    public const int Format = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static string Write(IReadOnlyList<EntityShape> entities) =>
        JsonSerializer.Serialize(new Document(Format, [.. entities.OrderBy(e => e.Name, StringComparer.Ordinal)]), Options) + "\n";

    /// <summary>The entities of a snapshot; an absent snapshot is the empty schema.</summary>
    /// <exception cref="InvalidDataException">The snapshot is not one this version wrote.</exception>
    public static IReadOnlyList<EntityShape> Read(string? snapshot)
    {
        if (string.IsNullOrWhiteSpace(snapshot))
        {
            return [];
        }

        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(snapshot, Options);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The dynamic model snapshot is not valid: {exception.Message}", exception);
        }

        if (document is not { Format: Format, Entities: not null })
        {
            throw new InvalidDataException($"The dynamic model snapshot has an unknown format (expected {Format}).");
        }

        return document.Entities;
    }

    private sealed record Document(int Format, IReadOnlyList<EntityShape> Entities);
}
