using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Search;

/// <summary>POST /api/search → one user's hits; 503 when a mode that needs the embedding provider cannot reach it.</summary>
public static class SearchDocumentsEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapPost("/", HandleAsync).Validates<SearchRequest>();

    private static async Task<Results<Ok<IReadOnlyList<SearchHit>>, UnavailableProblem>> HandleAsync(
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
            return new UnavailableProblem(
                "The embedding provider is unavailable.", $"{e.Message} Full-text search (mode fulltext) does not need the provider.");
        }
    }
}
