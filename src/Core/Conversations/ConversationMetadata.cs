using System.Text;
using System.Text.Json;
using FluentValidation;
using Monolith.Database;

namespace Monolith.Conversations;

/// <summary>The metadata of a conversation or message: an optional JSON object, stored as jsonb with \u0000 replaced.</summary>
public static class ConversationMetadata
{
    /// <summary>Metadata describes a message (model, tokens, tool call ids); it is not a place for payloads.</summary>
    public const int MaxBytes = 64 * 1024;

    public static IRuleBuilderOptions<T, JsonElement?> MustBeJsonObject<T>(this IRuleBuilder<T, JsonElement?> rule) =>
        rule.Must(metadata => metadata is null || metadata.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("'{PropertyName}' must be a JSON object.")
            .Must(metadata => metadata is not { ValueKind: JsonValueKind.Object } || Encoding.UTF8.GetByteCount(metadata.Value.GetRawText()) <= MaxBytes)
            .WithMessage($"'{{PropertyName}}' must be at most {MaxBytes} bytes of JSON.");

    /// <summary>The jsonb text to store; absent or null metadata is an empty object.</summary>
    public static string ToJsonb(JsonElement? metadata) => metadata switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "{}",
        { ValueKind: JsonValueKind.Object } value => JsonbText.Sanitize(value.GetRawText()),
        _ => throw new Http.BadRequestException("metadata", "metadata must be a JSON object."),
    };
}
