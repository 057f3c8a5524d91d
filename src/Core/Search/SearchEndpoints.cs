using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Search;

/// <summary>The search routes: PUT/DELETE /api/search/documents and POST /api/search, indexing and searching one user's documents.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var search = app.MapServiceApi("/search", "Search");
        IndexDocumentEndpoint.Map(search);
        IndexBatchEndpoint.Map(search);
        DeleteDocumentEndpoint.Map(search);
        SearchDocumentsEndpoint.Map(search);
        return app;
    }
}
