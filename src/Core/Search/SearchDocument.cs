using Pgvector;

namespace Monolith.Search;

/// <summary>One row of search_index: a user's document with its embedding, keyed by (entity_type, entity_id).</summary>
public sealed class SearchDocument
{
    public Guid Id { get; set; }

    public string EntityType { get; set; } = null!;

    public Guid EntityId { get; set; }

    public string Content { get; set; } = null!;

    public Vector? Embedding { get; set; }

    public string Metadata { get; set; } = "{}";

    public long UserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
