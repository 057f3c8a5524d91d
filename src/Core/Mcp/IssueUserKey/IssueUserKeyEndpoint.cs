using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Mcp;

/// <summary>POST /api/admin/mcp/user-keys → 200 with a key an MCP client sends in X-Api-Key to act for that user only.</summary>
public static class IssueUserKeyEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapPost("/user-keys", Handle).Validates<IssueUserKeyRequest>();

    private static Ok<UserKeyView> Handle(IssueUserKeyRequest request, McpUserKeys keys) =>
        TypedResults.Ok(new UserKeyView(request.UserId!.Value, keys.Issue(request.UserId.Value)));
}
