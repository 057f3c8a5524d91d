using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>POST /api/agents → 201 with the agent; 409 when the name is taken (the registry decides inside its transaction).</summary>
public static class CreateAgentEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapPost("/", HandleAsync).Validates<CreateAgentRequest>();

    private static async Task<Results<Created<AgentView>, ConflictProblem>> HandleAsync(
        CreateAgentRequest request, AgentRegistry agents, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var agent = await agents.CreateAsync(request, RegistryEndpoints.Actor(user), cancellationToken);
        return TypedResults.Created($"/api/agents/{agent.Name}", agent);
    }
}
