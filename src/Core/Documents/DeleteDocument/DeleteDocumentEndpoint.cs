using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Documents;

/// <summary>
/// DELETE /api/documents/{id}?userId= (service key) and DELETE /api/admin/documents/{id} (admin key) → 204; the
/// chunks and their search rows go with the document, and an audit row names who deleted it.
/// </summary>
public static class DeleteDocumentEndpoint
{
    public static void Map(RouteGroupBuilder service, RouteGroupBuilder admin)
    {
        service.MapDelete("/{id:guid}", HandleAsync).Validates<GetDocumentQuery>();
        admin.MapDelete("/{id:guid}", HandleAsync).Validates<GetDocumentQuery>();
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> HandleAsync(
        [AsParameters] GetDocumentQuery query, ClaimsPrincipal user, DocumentLibrary library, CancellationToken cancellationToken)
    {
        var actor = user.IsInRole(ApiKeyAuthentication.AdminRole) ? ApiKeyAuthentication.AdminRole : ApiKeyAuthentication.ServiceRole;
        return await library.DeleteAsync(query.Id, query.UserId, actor, cancellationToken) ? TypedResults.NoContent() : GetDocumentEndpoint.NotFound(query.Id);
    }
}
