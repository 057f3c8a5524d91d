namespace Monolith.Search;

/// <summary>The body of PUT /api/search/documents/batch: up to 100 documents embedded and upserted together.</summary>
public sealed record IndexBatchRequest(IReadOnlyList<IndexDocumentRequest>? Documents);
