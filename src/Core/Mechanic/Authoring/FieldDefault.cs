using System.Globalization;
using System.Text.Json;
using Monolith.Schema;

namespace Monolith.Mechanic.Authoring;

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

        value = type switch
        {
            FieldType.String or FieldType.Text => element.ValueKind == JsonValueKind.String ? element.GetString() : null,
            FieldType.Int => element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var i) ? i : null,
            FieldType.BigInt => element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var l) ? l : null,
            FieldType.Decimal => element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var d) ? d : null,
            FieldType.Bool => element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.GetBoolean() : null,
            FieldType.DateTime => element.ValueKind == JsonValueKind.String
                && DateTime.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
                    ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null,
            FieldType.Date => element.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(element.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            FieldType.Uuid => element.ValueKind == JsonValueKind.String && Guid.TryParseExact(element.GetString(), "D", out var g) ? g : null,
            FieldType.Json => JsonSerializer.Serialize(element),
            _ => null,
        };

        if (value is null)
        {
            error = $"the default {Quote(json)} is not a constant {TypeWord(type)}";
            return false;
        }

        if (value is string text && type == FieldType.String && maxLength is { } max && text.Length > max)
        {
            error = $"the default is {text.Length} characters long, more than maxLength {max}";
            value = null;
            return false;
        }

        return true;
    }

    private static string TypeWord(FieldType type) => type switch
    {
        FieldType.String or FieldType.Text => "JSON string",
        FieldType.Int => "JSON integer within int range",
        FieldType.BigInt => "JSON integer within bigint range",
        FieldType.Decimal => "JSON number",
        FieldType.Bool => "true or false",
        FieldType.DateTime => "JSON string holding an ISO 8601 date and time",
        FieldType.Date => "JSON string holding a yyyy-MM-dd date",
        FieldType.Uuid => "JSON string holding a uuid",
        _ => "value",
    };

    private static string Quote(string text) => text.Length > 60 ? $"'{text[..60]}…'" : $"'{text}'";
}
