using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>PUT /api/agents/{name} → the updated agent; 404 for an unknown name (the registry decides under its row lock).</summary>
public static class UpdateAgentEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapPut("/{name}", HandleAsync).Validates<UpdateAgentRequest>();

    private static async Task<Results<Ok<AgentView>, NotFoundProblem>> HandleAsync(
        [AsParameters] UpdateAgentRequest request, AgentRegistry agents, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await agents.UpdateAsync(request.Name, request.Body, RegistryEndpoints.Actor(user), cancellationToken));
}
