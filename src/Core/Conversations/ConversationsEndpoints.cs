using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Conversations;

/// <summary>The conversations routes: /api/conversations/* and /api/users/{userId}/stats.</summary>
public static class ConversationsEndpoints
{
    public static IEndpointRouteBuilder MapConversationsEndpoints(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapServiceApi("/conversations", "Conversations");
        StartConversationEndpoint.Map(conversations);
        ListConversationsEndpoint.Map(conversations);
        SearchMessagesEndpoint.Map(conversations);
        GetConversationEndpoint.Map(conversations);
        CloseConversationEndpoint.Map(conversations);
        AppendMessageEndpoint.Map(conversations);
        ListMessagesEndpoint.Map(conversations);
        UserStatsEndpoint.Map(app.MapServiceApi("/users", "Conversations"));
        return app;
    }
}
