using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Conversations;

/// <summary>GET /api/users/{userId}/stats: counts of the user's conversations, messages and tool calls, and the last activity.</summary>
public static class UserStatsEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet("/{userId}/stats", HandleAsync).Validates<UserStatsQuery>();

    private static async Task<Ok<UserStatsView>> HandleAsync([AsParameters] UserStatsQuery query, ConversationLog log, CancellationToken cancellationToken) =>
        TypedResults.Ok(await log.StatsAsync(query.UserId, cancellationToken));
}
