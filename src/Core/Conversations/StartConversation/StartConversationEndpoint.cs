using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Conversations;

/// <summary>POST /api/conversations → 201 with the new conversation and its Location.</summary>
public static class StartConversationEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/", HandleAsync).Validates<StartConversationRequest>();

    private static async Task<Created<ConversationView>> HandleAsync(StartConversationRequest request, ConversationLog log, CancellationToken cancellationToken)
    {
        var conversation = await log.StartAsync(request.UserId!.Value, request.ChatId!.Value, request.Title, request.Metadata, cancellationToken);
        return TypedResults.Created($"/api/conversations/{conversation.Id}", conversation);
    }
}
