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
        group.MapPost("/{id:guid}/messages", HandleAsync).Validates<AppendMessageRequest>().Validates<GetConversationQuery>();

    /// <remarks>The log itself refuses an unknown conversation (404) or a closed one (409) inside the append's transaction.</remarks>
    private static async Task<Results<Created<MessageView>, NotFoundProblem, ConflictProblem>> HandleAsync(
        Guid id, [AsParameters] GetConversationQuery owner, AppendMessageRequest request, ConversationLog log, CancellationToken cancellationToken)
    {
        if (owner.UserId is not null && await log.TryFindAsync(id, owner.UserId, cancellationToken) is null)
        {
            return new NotFoundProblem(ConversationLog.Missing(id));
        }

        var message = await log.AppendAsync(id, request.Role!, request.Content!, request.Metadata, cancellationToken);
        return TypedResults.Created($"/api/conversations/{id}/messages?before={message.Sequence + 1}&limit=1", message);
    }
}
