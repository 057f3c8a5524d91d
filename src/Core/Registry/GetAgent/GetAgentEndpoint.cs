using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>GET /api/agents/{name} → the agent, or 404.</summary>
public static class GetAgentEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapGet("/{name}", HandleAsync);

    private static async Task<Results<Ok<AgentView>, NotFoundProblem>> HandleAsync(string name, AgentRegistry agents, CancellationToken cancellationToken) =>
        await agents.FindAsync(name, cancellationToken) is { } agent ? TypedResults.Ok(agent) : new NotFoundProblem(AgentRegistry.Missing(name));
}
