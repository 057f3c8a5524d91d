
namespace Monolith.Search;

/// <summary>What PUT answers per document: "indexed" (embedded now) or "queued" (the embedding worker will embed it).</summary>
public sealed record IndexedDocumentView(string EntityType, Guid EntityId, bool Created, string Status)
{
    public static IndexedDocumentView From(IndexOutcome outcome) =>
        new(outcome.EntityType, outcome.EntityId, outcome.Created, outcome.Embedded ? "indexed" : "queued");
}
