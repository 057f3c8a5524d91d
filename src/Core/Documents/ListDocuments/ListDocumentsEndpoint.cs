using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Documents;

/// <summary>GET /api/documents?userId= → {items, nextCursor}, newest first.</summary>
public static class ListDocumentsEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/", HandleAsync).Validates<ListDocumentsQuery>();

    private static async Task<Ok<Page<DocumentView>>> HandleAsync([AsParameters] ListDocumentsQuery query, DocumentLibrary library, CancellationToken cancellationToken) =>
        TypedResults.Ok(await library.ListAsync(query.UserId!.Value, PageCursor.Limit(query.Limit), query.Cursor, cancellationToken));
}
