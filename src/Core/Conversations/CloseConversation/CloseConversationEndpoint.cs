using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Conversations;

/// <summary>POST /api/conversations/{id}/close?userId= → 200 with the closed conversation, the same when it was closed already; 404 when userId is not the owner.</summary>
public static class CloseConversationEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/close", HandleAsync).Validates<GetConversationQuery>();

    private static async Task<Results<Ok<ConversationView>, NotFoundProblem>> HandleAsync(
        [AsParameters] GetConversationQuery query, ConversationLog log, CancellationToken cancellationToken)
    {
        if (query.UserId is not null && await log.TryFindAsync(query.Id, query.UserId, cancellationToken) is null)
        {
            return new NotFoundProblem(ConversationLog.Missing(query.Id));
        }

        return TypedResults.Ok(await log.CloseAsync(query.Id, cancellationToken));
    }
}
