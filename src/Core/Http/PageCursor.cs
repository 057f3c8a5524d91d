using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monolith.Http;

/// <summary>Opaque paging cursors: the sort key of the last item, as base64url JSON, checked on the way back in.</summary>
public static class PageCursor
{
    private static readonly JsonSerializerOptions Strict = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
        Converters = { new UtcTimestamp() },
    };

    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static string Encode<TKey>(TKey key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key, Strict));

    public static TKey? Decode<TKey>(string? cursor)
        where TKey : class
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(cursor), Strict)
                ?? throw new BadRequestException("cursor", "The cursor is not valid: pass nextCursor from a previous page.");
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException or NotSupportedException)
        {
            throw new BadRequestException("cursor", "The cursor is not valid: pass nextCursor from a previous page.");
        }
    }

    public static int Limit(int? limit) => limit switch
    {
        null => DefaultLimit,
        < 1 or > MaxLimit => throw new BadRequestException("limit", $"limit must be from 1 to {MaxLimit}."),
        _ => limit.Value,
    };

    /// <summary>
    /// Cursor timestamps are compared with timestamptz columns, which Npgsql accepts only as UTC (anything else was a
    /// 500 at query time): a time with an offset is moved to UTC, one without is read as UTC (what Encode writes).
    /// </summary>
    private sealed class UtcTimestamp : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetDateTime();
            return value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime();
        }

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime());
    }

    /// <summary>Builds a page from up to limit + 1 rows fetched in order.</summary>
    public static Page<TItem> ToPage<TRow, TItem, TKey>(IReadOnlyList<TRow> rows, int limit, Func<TRow, TItem> map, Func<TRow, TKey> key)
    {
        var items = rows.Take(limit).Select(map).ToList();
        var next = rows.Count > limit ? Encode(key(rows[limit - 1])) : null;
        return new Page<TItem>(items, next);
    }
}
