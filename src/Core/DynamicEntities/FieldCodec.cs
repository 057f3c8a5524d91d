using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monolith.Database;
using Monolith.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.DynamicEntities;

/// <summary>Converts a declared field's values between JSON and PostgreSQL parameters and columns.</summary>
public static class FieldCodec
{
    /// <summary>The JSON name of a field: the camelCase of its C# property name.</summary>
    public static string JsonName(EntityField field) => JsonNamingPolicy.CamelCase.ConvertName(field.Name);

    public static NpgsqlDbType DbType(FieldType type) => type switch
    {
        FieldType.String => NpgsqlDbType.Varchar,
        FieldType.Text => NpgsqlDbType.Text,
        FieldType.Int => NpgsqlDbType.Integer,
        FieldType.BigInt => NpgsqlDbType.Bigint,
        FieldType.Decimal => NpgsqlDbType.Numeric,
        FieldType.Bool => NpgsqlDbType.Boolean,
        FieldType.DateTime => NpgsqlDbType.TimestampTz,
        FieldType.Date => NpgsqlDbType.Date,
        FieldType.Uuid => NpgsqlDbType.Uuid,
        FieldType.Json => NpgsqlDbType.Jsonb,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown field type"),
    };

    /// <summary>Converts a JSON value (null included) into the parameter value for the field's column.</summary>
    /// <param name="error">What is wrong with the value, phrased to follow the field name.</param>
    public static bool TryConvert(EntityField field, JsonElement value, out object converted, out string? error)
    {
        converted = DBNull.Value;
        error = null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        try
        {
            converted = Convert(field, value, out error)!;
        }
        catch (InvalidOperationException)
        {
            // JSON strings with unpaired surrogate escapes cannot become .NET strings.
            error = "is not valid Unicode text";
        }

        if (error is not null)
        {
            converted = DBNull.Value;
            return false;
        }

        return true;
    }

    private static object? Convert(EntityField field, JsonElement value, out string? error)
    {
        error = null;
        switch (field.Type)
        {
            case FieldType.String or FieldType.Text when value.ValueKind == JsonValueKind.String:
                var text = JsonbText.SanitizeText(value.GetString()!);
                // PostgreSQL counts characters as code points, not UTF-16 units.
                if (field.MaxLength is { } max && text.EnumerateRunes().Count() > max)
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
                error = Expected(field.Type);
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

    /// <summary>Reads a column of the field's type as JSON.</summary>
    public static JsonNode? Read(NpgsqlDataReader reader, int ordinal, FieldType type)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return type switch
        {
            FieldType.String or FieldType.Text => JsonValue.Create(reader.GetString(ordinal)),
            FieldType.Int => JsonValue.Create(reader.GetInt32(ordinal)),
            FieldType.BigInt => JsonValue.Create(reader.GetInt64(ordinal)),
            FieldType.Decimal => JsonValue.Create(reader.GetDecimal(ordinal)),
            FieldType.Bool => JsonValue.Create(reader.GetBoolean(ordinal)),
            FieldType.DateTime => JsonValue.Create(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc)),
            FieldType.Date => JsonValue.Create(reader.GetFieldValue<DateOnly>(ordinal).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            FieldType.Uuid => JsonValue.Create(reader.GetGuid(ordinal)),
            FieldType.Json => JsonNode.Parse(reader.GetString(ordinal)),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown field type"),
        };
    }

    /// <summary>The text a field contributes to search content.</summary>
    public static string? SearchText(JsonNode? value) => value switch
    {
        null => null,
        JsonValue text when text.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };
}
