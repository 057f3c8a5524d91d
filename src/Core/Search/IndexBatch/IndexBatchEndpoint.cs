using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Search;

/// <summary>PUT /api/search/documents/batch → 200 when every document is embedded, 202 when some are queued; 409 when one is another user's.</summary>
public static class IndexBatchEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPut("/documents/batch", HandleAsync).Validates<IndexBatchRequest>().Produces<IndexedBatchView>(StatusCodes.Status202Accepted);

    private static async Task<Results<Ok<IndexedBatchView>, Accepted<IndexedBatchView>, ConflictProblem>> HandleAsync(
        IndexBatchRequest request, SearchIndexer indexer, CancellationToken cancellationToken)
    {
        var outcomes = await indexer.IndexAsync([.. request.Documents!.Select(d => d!.ToDocument())], cancellationToken);
        var view = new IndexedBatchView([.. outcomes.Select(IndexedDocumentView.From)]);
        return outcomes.All(o => o.Embedded) ? TypedResults.Ok(view) : TypedResults.Accepted((string?)null, view);
    }
}
