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

        if (!FieldValue.TryConvert(field.Type, field.MaxLength, value, out var clr, out error))
        {
            return false;
        }

        converted = clr!;
        return true;
    }

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
