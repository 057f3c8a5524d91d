using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>PUT /api/tools/{name} → the updated tool; 404 for an unknown tool (the registry decides under its row lock).</summary>
public static class UpdateToolEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapPut("/{name}", HandleAsync).Validates<UpdateToolRequest>();

    private static async Task<Results<Ok<ToolView>, NotFoundProblem>> HandleAsync(
        [AsParameters] UpdateToolRequest request, ToolRegistry tools, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tools.UpdateAsync(request.Name, request.Body, RegistryEndpoints.Actor(user), cancellationToken));
}
