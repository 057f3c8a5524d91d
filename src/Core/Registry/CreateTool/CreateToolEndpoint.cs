using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>POST /api/tools → 201 with the tool; 409 when the name is taken, 400 naming "agent" for an unknown agent.</summary>
public static class CreateToolEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapPost("/", HandleAsync).Validates<CreateToolRequest>();

    private static async Task<Results<Created<ToolView>, ConflictProblem>> HandleAsync(
        CreateToolRequest request, ToolRegistry tools, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var tool = await tools.CreateAsync(request, RegistryEndpoints.Actor(user), cancellationToken);
        return TypedResults.Created($"/api/tools/{tool.Name}", tool);
    }
}
