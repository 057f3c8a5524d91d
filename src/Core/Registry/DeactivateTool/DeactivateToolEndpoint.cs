using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>DELETE /api/tools/{name} → 204 (the tool stays, inactive); 404 for an unknown name.</summary>
public static class DeactivateToolEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapDelete("/{name}", HandleAsync);

    private static async Task<Results<NoContent, NotFoundProblem>> HandleAsync(string name, ToolRegistry tools, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await tools.DeactivateAsync(name, RegistryEndpoints.Actor(user), cancellationToken);
        return TypedResults.NoContent();
    }
}
