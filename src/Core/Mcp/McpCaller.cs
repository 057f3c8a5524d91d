using System.Globalization;
using System.Security.Claims;
using Monolith.Http;

namespace Monolith.Mcp;

/// <summary>Who calls a tool and which users it may act for: every user with the service key, one user with a user key.</summary>
public sealed record McpCaller(long? OnlyUser)
{
    public static McpCaller From(ClaimsPrincipal? user)
    {
        if (user?.FindFirst(McpKeyAuthentication.UserClaim)?.Value is { } id)
        {
            return new McpCaller(long.Parse(id, CultureInfo.InvariantCulture));
        }

        return user?.IsInRole(ApiKeyAuthentication.ServiceRole) == true
            ? new McpCaller((long?)null)
            : throw new McpToolRefusedException("The caller is not authenticated.");
    }

    /// <exception cref="McpToolRefusedException">The key may not act for that user.</exception>
    public long ActFor(long userId) =>
        OnlyUser is { } only && only != userId
            ? throw new McpToolRefusedException($"This key acts for user {only} only; it may not act for user {userId}.")
            : userId;
}
