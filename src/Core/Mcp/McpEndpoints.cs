using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Mcp;

/// <summary>/mcp (streamable HTTP, behind <see cref="McpModule.Policy"/>) and /api/admin/mcp/user-keys, which issues user keys.</summary>
public static class McpEndpoints
{
    public const string Route = "/mcp";

    public static IEndpointRouteBuilder MapMcpEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMcp(Route).RequireAuthorization(McpModule.Policy);
        IssueUserKeyEndpoint.Map(app.MapAdminApi("/mcp", "MCP"));
        return app;
    }
}
