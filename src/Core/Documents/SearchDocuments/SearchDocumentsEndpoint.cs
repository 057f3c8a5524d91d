using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;
using Monolith.Search;

namespace Monolith.Documents;

/// <summary>POST /api/documents/search → the best chunks with citations (file, chunk, offsets, pages); 503 when the embedding provider is down.</summary>
public static class SearchDocumentsEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/search", HandleAsync).Validates<SearchDocumentsRequest>();

    private static async Task<Results<Ok<IReadOnlyList<DocumentCitation>>, ProblemHttpResult>> HandleAsync(
        SearchDocumentsRequest request, DocumentLibrary library, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await library.SearchAsync(
                request.UserId!.Value, request.Query!, request.Limit ?? SearchDocumentsRequest.DefaultLimit, request.SearchMode, request.DocumentId, cancellationToken));
        }
        catch (EmbeddingFailedException e)
        {
            return TypedResults.Problem(
                $"{e.Message} Full-text search (mode fulltext) does not need the provider.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "The embedding provider is unavailable.");
        }
    }
}
