using System.Text.Json;

namespace Monolith.Search;

/// <summary>The body of PUT /api/search/documents.</summary>
public sealed record IndexDocumentRequest(string? EntityType, Guid? EntityId, long? UserId, string? Content, JsonElement? Metadata)
{
    public IndexedDocument ToDocument() => new(
        EntityType!, EntityId!.Value, UserId!.Value, Content!,
        Metadata is { ValueKind: JsonValueKind.Object } metadata ? metadata.GetRawText() : null);
}
