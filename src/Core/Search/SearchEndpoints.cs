using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;
using Monolith.Search.Api;
using Monolith.Search.Embeddings;
using Monolith.Search.Indexing;
using Monolith.Search.Querying;

namespace Monolith.Search;

/// <summary>PUT/DELETE /api/search/documents and POST /api/search: indexing and searching one user's documents.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var search = app.MapServiceApi("/search", "Search");
        search.MapPut("/documents", IndexAsync).Validates<IndexDocumentRequest>()
            .Produces<IndexedDocumentView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict);
        search.MapPut("/documents/batch", IndexBatchAsync).Validates<IndexBatchRequest>()
            .Produces<IndexedBatchView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict);
        search.MapDelete("/documents/{entityType}/{entityId:guid}", DeleteAsync).ProducesProblem(StatusCodes.Status404NotFound);
        search.MapPost("/", SearchAsync).Validates<SearchRequest>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Created<IndexedDocumentView>, Ok<IndexedDocumentView>, Accepted<IndexedDocumentView>>> IndexAsync(
        IndexDocumentRequest request, SearchIndexer indexer, CancellationToken cancellationToken)
    {
        var view = IndexedDocumentView.From(await indexer.IndexAsync(request.ToDocument(), cancellationToken));
        return view.Status == "queued" ? TypedResults.Accepted((string?)null, view)
            : view.Created ? TypedResults.Created((string?)null, view)
            : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<IndexedBatchView>, Accepted<IndexedBatchView>>> IndexBatchAsync(
        IndexBatchRequest request, SearchIndexer indexer, CancellationToken cancellationToken)
    {
        var outcomes = await indexer.IndexAsync([.. request.Documents!.Select(d => d!.ToDocument())], cancellationToken);
        var view = new IndexedBatchView([.. outcomes.Select(IndexedDocumentView.From)]);
        return outcomes.All(o => o.Embedded) ? TypedResults.Ok(view) : TypedResults.Accepted((string?)null, view);
    }

    private static async Task<NoContent> DeleteAsync(string entityType, Guid entityId, SearchIndexer indexer, CancellationToken cancellationToken) =>
        await indexer.DeleteAsync(entityType, entityId, cancellationToken)
            ? TypedResults.NoContent()
            : throw new NotFoundException($"No search document {entityType}/{entityId}.");

    private static async Task<Results<Ok<IReadOnlyList<SearchHit>>, ProblemHttpResult>> SearchAsync(
        SearchRequest request, DocumentSearch search, CancellationToken cancellationToken)
    {
        try
        {
            var hits = await search.SearchAsync(
                request.UserId!.Value, request.Query!, request.Limit ?? SearchRequest.DefaultLimit,
                new SearchFilter(request.EntityTypes?.Select(t => t!).ToList(), MinScore: request.MinScore), request.SearchMode, cancellationToken);
            return TypedResults.Ok(hits);
        }
        catch (EmbeddingFailedException e)
        {
            return TypedResults.Problem(
                $"{e.Message} Full-text search (mode fulltext) does not need the provider.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "The embedding provider is unavailable.");
        }
    }
}
