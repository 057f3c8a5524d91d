using System.Security.Claims;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>The registry routes: /api/agents/* and /api/tools/* (with tool usage).</summary>
public static class RegistryEndpoints
{
    public static IEndpointRouteBuilder MapRegistryEndpoints(this IEndpointRouteBuilder app)
    {
        var agents = app.MapServiceApi("/agents", "Registry");
        ListAgentsEndpoint.Map(agents);
        CreateAgentEndpoint.Map(agents);
        GetAgentEndpoint.Map(agents);
        UpdateAgentEndpoint.Map(agents);
        DeactivateAgentEndpoint.Map(agents);

        var tools = app.MapServiceApi("/tools", "Registry");
        ListToolsEndpoint.Map(tools);
        CreateToolEndpoint.Map(tools);
        GetToolEndpoint.Map(tools);
        UpdateToolEndpoint.Map(tools);
        DeactivateToolEndpoint.Map(tools);
        RecordToolUsageEndpoint.Map(tools);
        ListToolUsageEndpoint.Map(tools);
        return app;
    }

    /// <summary>Who made a change, as the registry's audit rows name them.</summary>
    internal static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
