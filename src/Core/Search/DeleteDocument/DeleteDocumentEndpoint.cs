using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Search;

/// <summary>DELETE /api/search/documents/{entityType}/{entityId} → 204, or 404 when no such document is indexed.</summary>
public static class DeleteDocumentEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapDelete("/documents/{entityType}/{entityId:guid}", HandleAsync);

    private static async Task<Results<NoContent, NotFoundProblem>> HandleAsync(string entityType, Guid entityId, SearchIndexer indexer, CancellationToken cancellationToken) =>
        await indexer.DeleteAsync(entityType, entityId, cancellationToken)
            ? TypedResults.NoContent()
            : new NotFoundProblem($"No search document {entityType}/{entityId}.");
}
