using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Conversations;

/// <summary>POST /api/conversations/{id}/messages?userId= → 201 with the message and its sequence; 404 unknown (or not userId's), 409 closed.</summary>
public static class AppendMessageEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/messages", HandleAsync).Validates<AppendMessageRequest>().Validates<GetConversationQuery>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Created<MessageView>> HandleAsync(
        Guid id, [AsParameters] GetConversationQuery owner, AppendMessageRequest request, ConversationLog log, CancellationToken cancellationToken)
    {
        if (owner.UserId is not null)
        {
            await log.FindAsync(id, owner.UserId, cancellationToken);
        }

        var message = await log.AppendAsync(id, request.Role!, request.Content!, request.Metadata, cancellationToken);
        return TypedResults.Created($"/api/conversations/{id}/messages?before={message.Sequence + 1}&limit=1", message);
    }
}
