using System.Text.Json;
using FluentValidation;

namespace Monolith.Registry;

/// <summary>Checks that a tool schema has the shape of a JSON Schema: an object whose type, properties and required are well-typed.</summary>
public static class JsonSchemaShape
{
    private static readonly HashSet<string> Types = ["object", "array", "string", "number", "integer", "boolean", "null"];

    /// <summary>The request rule for a tool's schema: absent passes; present must pass <see cref="Problem"/>, reported as "schema".</summary>
    public static IRuleBuilderOptionsConditions<T, JsonElement?> JsonSchema<T>(this IRuleBuilder<T, JsonElement?> rule) =>
        rule.Custom((schema, context) =>
        {
            if (schema is { } value && Problem(value) is { } problem)
            {
                context.AddFailure("schema", problem);
            }
        });

    /// <returns>Null when the shape is sensible, otherwise what is wrong.</returns>
    private static string? Problem(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return "'schema' must be a JSON Schema object.";
        }

        if (schema.TryGetProperty("type", out var type) && !IsType(type))
        {
            return $"'schema.type' must be one of {string.Join(", ", Types)}, or an array of them.";
        }

        if (schema.TryGetProperty("properties", out var properties)
            && (properties.ValueKind != JsonValueKind.Object
                || properties.EnumerateObject().Any(p => p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))))
        {
            return "'schema.properties' must be an object whose values are schemas (objects or booleans).";
        }

        if (schema.TryGetProperty("required", out var required)
            && (required.ValueKind != JsonValueKind.Array || required.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String)))
        {
            return "'schema.required' must be an array of property names.";
        }

        return null;
    }

    private static bool IsType(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => Types.Contains(type.GetString()!),
        JsonValueKind.Array => type.GetArrayLength() > 0 && type.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String && Types.Contains(t.GetString()!)),
        _ => false,
    };
}
