using System.Text.Json;
using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>
/// A field's constant default: JSON text checked against the field's type and turned into the CLR value EF writes as a
/// SQL literal. Only literals are possible, so a default can never call a (volatile) function.
/// </summary>
public static class FieldDefault
{
    /// <summary>The CLR value of <paramref name="json"/> for a column of <paramref name="type"/>, or the reason it is not one.</summary>
    public static bool TryParse(string json, FieldType type, int? maxLength, out object? value, out string error)
    {
        value = null;
        error = "";
        if (json.Contains('\0', StringComparison.Ordinal) || json.Contains("\\u0000", StringComparison.OrdinalIgnoreCase))
        {
            error = "a default may not contain the NUL character";
            return false;
        }

        JsonElement element;
        try
        {
            using var document = JsonDocument.Parse(json);
            element = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            error = $"the default {Quote(json)} is not JSON text (write strings as \"\\\"text\\\"\", numbers as 0, booleans as true)";
            return false;
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            error = $"the default {Quote(json)} is null: leave the default out instead";
            return false;
        }

        if (!FieldValue.TryConvert(type, maxLength, element, out value, out var problem))
        {
            error = $"the default {Quote(json)} {problem}";
            return false;
        }

        return true;
    }

    private static string Quote(string text) => text.Length > 60 ? $"'{text[..60]}…'" : $"'{text}'";
}
