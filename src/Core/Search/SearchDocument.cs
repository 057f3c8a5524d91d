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

    /// <summary>Which provider and model made <see cref="Embedding"/> (<c>onnx:all-MiniLM-L6-v2</c>); NULL for vectors stored before this was recorded.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>The content's hashed words and character n-grams (<see cref="LexicalVector"/>), whatever the provider: hybrid search's word-form signal.</summary>
    public Vector? LexicalEmbedding { get; set; }

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
