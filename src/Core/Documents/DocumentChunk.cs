namespace Monolith.Documents;

/// <summary>
/// One row of document_chunks: a piece of a document's text that fits the embedding model's window. Its id is the
/// entity_id of its search_index row (entity type <see cref="DocumentLibrary.ChunkEntityType"/>).
/// </summary>
public sealed class DocumentChunk
{
    public Guid Id { get; set; }

    public Guid DocumentId { get; set; }

    public int ChunkIndex { get; set; }

    /// <summary>Offsets into the document's text: [StartChar, EndChar), in UTF-16 code units.</summary>
    public int StartChar { get; set; }

    public int EndChar { get; set; }

    /// <summary>The page the chunk starts on and the page it ends on (1-based).</summary>
    public int Page { get; set; }

    public int PageEnd { get; set; }

    public int TokenCount { get; set; }
}
