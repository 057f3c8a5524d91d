using Monolith.Search;

namespace Monolith.Documents;

/// <summary>The body of POST /api/documents/search: one user's documents (or one document), a query, a limit and a mode.</summary>
public sealed record SearchDocumentsRequest(long? UserId, string? Query, int? Limit, string? Mode, Guid? DocumentId)
{
    public const int DefaultLimit = 5;

    public SearchMode SearchMode => Mode is null ? SearchMode.Hybrid : SearchRequest.Modes[Mode];
}
