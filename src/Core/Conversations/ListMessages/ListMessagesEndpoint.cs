using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Conversations;

/// <summary>GET /api/conversations/{id}/messages?before=&amp;limit=&amp;userId=: messages newest first, in cursor pages; 404 when userId is not the owner.</summary>
public static class ListMessagesEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}/messages", HandleAsync).Validates<ListMessagesQuery>();

    private static async Task<Results<Ok<Page<MessageView>>, NotFoundProblem>> HandleAsync(
        [AsParameters] ListMessagesQuery query, ConversationLog log, CancellationToken cancellationToken)
    {
        // Owners never change, so checking first and reading after cannot let another user's messages through.
        if (query.UserId is not null && await log.TryFindAsync(query.Id, query.UserId, cancellationToken) is null)
        {
            return new NotFoundProblem(ConversationLog.Missing(query.Id));
        }

        var limit = PageCursor.Limit(query.Limit);
        var before = query.Before ?? PageCursor.Decode<MessageCursor>(query.Cursor)?.Before;
        var rows = await log.HistoryAsync(query.Id, before, limit + 1, cancellationToken);
        return TypedResults.Ok(PageCursor.ToPage(rows, limit, m => m, m => new MessageCursor(m.Sequence)));
    }

    private sealed record MessageCursor(long Before);
}
