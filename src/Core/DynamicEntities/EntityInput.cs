using System.Text.Json;
using Monolith.Http;

namespace Monolith.DynamicEntities;

/// <summary>The JSON body of a dynamic entity write: its properties by JSON name, each sent once.</summary>
public sealed class EntityInput
{
    private readonly Dictionary<string, JsonElement> values;

    private EntityInput(Dictionary<string, JsonElement> values) => this.values = values;

    public IReadOnlyDictionary<string, JsonElement> Values => values;

    /// <exception cref="BadRequestException">The body is not an object, repeats a property, or has text that is not valid Unicode.</exception>
    public static EntityInput Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new BadRequestException("body", "The body must be a JSON object of the entity's fields.");
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        try
        {
            foreach (var property in body.EnumerateObject())
            {
                if (!values.TryAdd(property.Name, property.Value))
                {
                    throw new BadRequestException(property.Name, $"'{property.Name}' appears more than once in the body.");
                }
            }
        }
        catch (InvalidOperationException)
        {
            // A property name with an unpaired surrogate escape cannot become a .NET string.
            throw new BadRequestException("body", "A property name is not valid Unicode text.");
        }

        return new EntityInput(values);
    }

    /// <summary>The value sent for a property, or null when it was not sent (a sent JSON null is a Null element).</summary>
    public JsonElement? Value(string jsonName) => values.TryGetValue(jsonName, out var value) ? value : null;
}
