namespace Monolith.Search;

/// <summary>What PUT /api/search/documents/batch answers: one entry per document, in request order.</summary>
public sealed record IndexedBatchView(IReadOnlyList<IndexedDocumentView> Items);
