using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Documents;

/// <summary>GET /api/documents/{id}?userId= → the document; GET /api/documents/{id}/chunks?userId= → its chunks with text, pages and offsets.</summary>
public static class GetDocumentEndpoint
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}", HandleAsync).Validates<GetDocumentQuery>();
        group.MapGet("/{id:guid}/chunks", ChunksAsync).Validates<GetDocumentQuery>();
    }

    private static async Task<Results<Ok<DocumentView>, NotFound<ProblemDetails>>> HandleAsync(
        [AsParameters] GetDocumentQuery query, DocumentLibrary library, CancellationToken cancellationToken) =>
        await library.FindAsync(query.Id, query.UserId, cancellationToken) is { } document ? TypedResults.Ok(document) : NotFound(query.Id);

    private static async Task<Results<Ok<IReadOnlyList<ChunkView>>, NotFound<ProblemDetails>>> ChunksAsync(
        [AsParameters] GetDocumentQuery query, DocumentLibrary library, CancellationToken cancellationToken) =>
        await library.ChunksAsync(query.Id, query.UserId, cancellationToken) is { } chunks ? TypedResults.Ok(chunks) : NotFound(query.Id);

    internal static NotFound<ProblemDetails> NotFound(Guid id) =>
        TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = $"No document {id}." });
}
