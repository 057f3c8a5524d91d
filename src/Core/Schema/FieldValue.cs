using System.Globalization;
using System.Text.Json;
using Monolith.Database;

namespace Monolith.Schema;

/// <summary>The one reading of a JSON value as a declared field's CLR value: row values and column defaults alike.</summary>
public static class FieldValue
{
    /// <summary>Converts a non-null JSON value to the CLR value for a column of <paramref name="type"/>.</summary>
    /// <param name="error">What is wrong with the value, phrased to follow the field's name.</param>
    public static bool TryConvert(FieldType type, int? maxLength, JsonElement value, out object? converted, out string? error)
    {
        try
        {
            converted = Convert(type, maxLength, value, out error);
        }
        catch (InvalidOperationException)
        {
            // JSON strings with unpaired surrogate escapes cannot become .NET strings.
            converted = null;
            error = "is not valid Unicode text";
        }

        if (error is not null)
        {
            converted = null;
            return false;
        }

        return true;
    }

    private static object? Convert(FieldType type, int? maxLength, JsonElement value, out string? error)
    {
        error = null;
        switch (type)
        {
            case FieldType.String or FieldType.Text when value.ValueKind == JsonValueKind.String:
                var text = JsonbText.SanitizeText(value.GetString()!);
                // PostgreSQL counts characters as code points, not UTF-16 units.
                if (maxLength is { } max && text.EnumerateRunes().Count() > max)
                {
                    error = $"must be at most {max} characters";
                }

                return text;
            case FieldType.Int when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number):
                return number;
            case FieldType.BigInt when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var big):
                return big;
            case FieldType.Decimal when value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var amount):
                return amount;
            case FieldType.Bool when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return value.GetBoolean();
            case FieldType.DateTime when value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment):
                return moment.UtcDateTime;
            case FieldType.Date when value.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                return day;
            case FieldType.Uuid when value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id):
                return id;
            case FieldType.Json:
                return JsonbText.Sanitize(value.GetRawText());
            default:
                error = Expected(type);
                return null;
        }
    }

    private static string Expected(FieldType type) => type switch
    {
        FieldType.String or FieldType.Text => "must be a string",
        FieldType.Int => "must be a whole number from -2147483648 to 2147483647",
        FieldType.BigInt => "must be a whole number that fits in 64 bits",
        FieldType.Decimal => "must be a number",
        FieldType.Bool => "must be true or false",
        FieldType.DateTime => "must be an ISO 8601 date and time, such as 2026-05-01T12:00:00Z",
        FieldType.Date => "must be a date as yyyy-MM-dd",
        FieldType.Uuid => "must be a UUID string",
        _ => "has an unknown type",
    };
}
