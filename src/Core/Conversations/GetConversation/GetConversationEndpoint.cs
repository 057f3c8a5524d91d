using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Monolith.Conversations;

/// <summary>GET /api/conversations/{id} → the conversation, or 404.</summary>
public static class GetConversationEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/{id:guid}", HandleAsync).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Ok<ConversationView>> HandleAsync(Guid id, ConversationLog log, CancellationToken cancellationToken) =>
        TypedResults.Ok(await log.FindAsync(id, cancellationToken));
}
