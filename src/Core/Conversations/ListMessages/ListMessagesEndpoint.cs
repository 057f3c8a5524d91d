using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Conversations;

/// <summary>GET /api/conversations/{id}/messages?before=&amp;limit=: messages newest first, in cursor pages.</summary>
public static class ListMessagesEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/messages", HandleAsync).Validates<ListMessagesQuery>().ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<Page<MessageView>>> HandleAsync([AsParameters] ListMessagesQuery query, ConversationLog log, CancellationToken cancellationToken)
    {
        var limit = PageCursor.Limit(query.Limit);
        var before = query.Before ?? PageCursor.Decode<MessageCursor>(query.Cursor)?.Before;
        var rows = await log.HistoryAsync(query.Id, before, limit + 1, cancellationToken);
        return TypedResults.Ok(PageCursor.ToPage(rows, limit, m => m, m => new MessageCursor(m.Sequence)));
    }

    private sealed record MessageCursor(long Before);
}
