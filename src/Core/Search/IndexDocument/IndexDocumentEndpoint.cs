using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Search;

/// <summary>PUT /api/search/documents → 201 new, 200 replaced, 202 queued for embedding; 409 when the document is another user's (the indexer decides under its lock).</summary>
public static class IndexDocumentEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPut("/documents", HandleAsync).Validates<IndexDocumentRequest>().Produces<IndexedDocumentView>(StatusCodes.Status202Accepted);

    private static async Task<Results<Created<IndexedDocumentView>, Ok<IndexedDocumentView>, Accepted<IndexedDocumentView>, ConflictProblem>> HandleAsync(
        IndexDocumentRequest request, SearchIndexer indexer, CancellationToken cancellationToken)
    {
        var view = IndexedDocumentView.From(await indexer.IndexAsync(request.ToDocument(), cancellationToken));
        return view.Status == "queued" ? TypedResults.Accepted((string?)null, view)
            : view.Created ? TypedResults.Created((string?)null, view)
            : TypedResults.Ok(view);
    }
}
