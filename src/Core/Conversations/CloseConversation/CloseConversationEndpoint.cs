using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Monolith.Conversations;

/// <summary>POST /api/conversations/{id}/close → 200 with the closed conversation, the same when it was closed already.</summary>
public static class CloseConversationEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/close", HandleAsync).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<ConversationView>> HandleAsync(Guid id, ConversationLog log, CancellationToken cancellationToken) =>
        TypedResults.Ok(await log.CloseAsync(id, cancellationToken));
}
