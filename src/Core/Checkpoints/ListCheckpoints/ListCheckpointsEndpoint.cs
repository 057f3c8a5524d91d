using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Checkpoints;

/// <summary>
/// GET .../checkpoints → {items, nextCursor}, newest first (LangGraph list): of one thread or of all, of one namespace
/// or of all, with ids below before and metadata containing the filter.
/// </summary>
public static class ListCheckpointsEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder checkpoints) =>
        checkpoints.MapGet("/", HandleAsync).Validates<ListCheckpointsQuery>();

    private static async Task<Ok<Page<CheckpointView>>> HandleAsync([AsParameters] ListCheckpointsQuery query, CheckpointStore store, CancellationToken cancellationToken)
    {
        var limit = PageCursor.Limit(query.Limit);
        var after = PageCursor.Decode<CheckpointCursor>(query.Cursor);
        if (after is not null && !new[] { after.CheckpointId, after.ThreadId, after.Ns }.All(IsKey))
        {
            throw new BadRequestException("cursor", "The cursor is not valid: pass nextCursor from a previous page.");
        }

        var filter = new CheckpointFilter(query.ThreadId, query.Ns, query.CheckpointId, query.Before, query.Metadata, after);
        var rows = await store.ListAsync(filter, limit + 1, cancellationToken);
        return TypedResults.Ok(PageCursor.ToPage(rows, limit, c => c, c => new CheckpointCursor(c.CheckpointId, c.ThreadId, c.Ns)));
    }

    private static bool IsKey(string? text) =>
        text is not null && text.Length <= CheckpointKeyRules.MaxLength && WellFormedText.IsWellFormed(text, allowLineBreaks: false);
}
