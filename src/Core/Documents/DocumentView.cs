using System.Text.Json;

namespace Monolith.Documents;

/// <summary>A document as the API shows it: what was read (pages, characters, chunks), never the file.</summary>
public sealed record DocumentView(
    Guid Id, long UserId, string FileName, string Format, string ContentType, long SizeBytes, string ContentHash,
    int Pages, int Characters, int Chunks, JsonElement Metadata, DateTime CreatedAt)
{
    public const string Columns = "id, user_id, file_name, format, content_type, size_bytes, content_hash, cardinality(page_starts), length(text), chunk_count, metadata::text, created_at";
}
