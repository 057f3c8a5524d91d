using NpgsqlTypes;
using Pgvector;

namespace Monolith.Search;

/// <summary>
/// One row of search_index: a user's document with its embedding, keyed by (entity_type, entity_id).
/// A row whose embedding is NULL is waiting for the embedding worker (the outbox): it is tried at embed_after.
/// </summary>
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

    /// <summary>Generated from content: simple, english and russian lexemes (as conversations).</summary>
    public NpgsqlTsVector SearchVector { get; set; } = null!;

    /// <summary>Failed embedding attempts since the content last changed.</summary>
    public int EmbedAttempts { get; set; }

    /// <summary>When the worker may next try to embed a pending row.</summary>
    public DateTime EmbedAfter { get; set; }

    public string? EmbedError { get; set; }
}
