using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Conversations;

/// <summary>GET /api/conversations/{id}?userId= → the conversation, or 404 (also when userId is given and is not its owner).</summary>
public static class GetConversationEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", HandleAsync).Validates<GetConversationQuery>();

    private static async Task<Results<Ok<ConversationView>, NotFoundProblem>> HandleAsync(
        [AsParameters] GetConversationQuery query, ConversationLog log, CancellationToken cancellationToken) =>
        await log.TryFindAsync(query.Id, query.UserId, cancellationToken) is { } conversation
            ? TypedResults.Ok(conversation)
            : new NotFoundProblem(ConversationLog.Missing(query.Id));
}
