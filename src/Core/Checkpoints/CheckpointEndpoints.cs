using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Checkpoints;

/// <summary>The checkpoint routes under /api/threads/{threadId}/checkpoints and the admin thread deletion.</summary>
public static class CheckpointEndpoints
{
    public static IEndpointRouteBuilder MapCheckpointsEndpoints(this IEndpointRouteBuilder app)
    {
        var checkpoints = app.MapServiceApi("/threads/{threadId}/checkpoints", "Checkpoints");
        checkpoints.MapPut("/{checkpointId}", PutAsync).Validates<PutCheckpointRequest>();
        checkpoints.MapGet("/latest", LatestAsync).Validates<LatestCheckpointQuery>().ProducesProblem(StatusCodes.Status404NotFound);
        checkpoints.MapGet("/{checkpointId}", GetAsync).Validates<CheckpointQuery>().ProducesProblem(StatusCodes.Status404NotFound);
        checkpoints.MapGet("/", ListAsync).Validates<ListCheckpointsQuery>();
        checkpoints.MapPost("/{checkpointId}/writes", PutWritesAsync).Validates<PutWritesRequest>().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapAdminApi("/threads", "Checkpoints")
            .MapDelete("/{threadId}", DeleteThreadAsync).Validates<DeleteThreadRequest>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<CheckpointView>, Ok<CheckpointView>>> PutAsync(
        [AsParameters] PutCheckpointRequest request, CheckpointStore store, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var put = await store.PutAsync(request.ThreadId, body.Ns ?? string.Empty, request.CheckpointId, body.ParentId, body.Checkpoint, body.Metadata, cancellationToken);
        if (!put.Created)
        {
            return TypedResults.Ok(put.Checkpoint);
        }

        var location = $"/api/threads/{Uri.EscapeDataString(request.ThreadId)}/checkpoints/{Uri.EscapeDataString(request.CheckpointId)}?ns={Uri.EscapeDataString(put.Checkpoint.Ns)}";
        return TypedResults.Created(location, put.Checkpoint);
    }

    private static async Task<Ok<CheckpointView>> LatestAsync([AsParameters] LatestCheckpointQuery query, CheckpointStore store, CancellationToken cancellationToken)
    {
        var ns = query.Ns ?? string.Empty;
        var latest = await store.FindAsync(query.ThreadId, ns, null, cancellationToken)
            ?? throw new NotFoundException($"Thread '{query.ThreadId}' has no checkpoint in ns '{ns}'.");
        return TypedResults.Ok(latest);
    }

    private static async Task<Ok<CheckpointView>> GetAsync([AsParameters] CheckpointQuery query, CheckpointStore store, CancellationToken cancellationToken)
    {
        var ns = query.Ns ?? string.Empty;
        var checkpoint = await store.FindAsync(query.ThreadId, ns, query.CheckpointId, cancellationToken)
            ?? throw new NotFoundException($"Thread '{query.ThreadId}' has no checkpoint '{query.CheckpointId}' in ns '{ns}'.");
        return TypedResults.Ok(checkpoint);
    }

    private static async Task<Ok<Page<CheckpointView>>> ListAsync([AsParameters] ListCheckpointsQuery query, CheckpointStore store, CancellationToken cancellationToken)
    {
        var limit = PageCursor.Limit(query.Limit);
        var after = PageCursor.Decode<CheckpointCursor>(query.Cursor);
        if (after is not null && !(after.CheckpointId.Length <= CheckpointKeyRules.MaxLength && WellFormedText.IsWellFormed(after.CheckpointId, allowLineBreaks: false)))
        {
            throw new BadRequestException("cursor", "The cursor is not valid: pass nextCursor from a previous page.");
        }

        // before and the cursor both bound the ids from above; both go to SQL so the database's byte-wise order decides.
        string?[] bounds = [query.Before, after?.CheckpointId];
        var rows = await store.ListAsync(query.ThreadId, query.Ns ?? string.Empty, bounds.OfType<string>(), query.Metadata, limit + 1, cancellationToken);
        return TypedResults.Ok(PageCursor.ToPage(rows, limit, c => c, c => new CheckpointCursor(c.CheckpointId)));
    }

    private static async Task<Ok<CheckpointView>> PutWritesAsync([AsParameters] PutWritesRequest request, CheckpointStore store, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var checkpoint = await store.PutWritesAsync(request.ThreadId, body.Ns ?? string.Empty, request.CheckpointId, body.TaskId!, body.Writes!, cancellationToken);
        return TypedResults.Ok(checkpoint);
    }

    private static async Task<NoContent> DeleteThreadAsync(
        [AsParameters] DeleteThreadRequest request, CheckpointStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await store.DeleteThreadAsync(request.ThreadId, user.Identity?.Name ?? "unknown", cancellationToken);
        return TypedResults.NoContent();
    }

    private sealed record CheckpointCursor(string CheckpointId);
}
