using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>GET /api/tools/{name} → the tool, or 404.</summary>
public static class GetToolEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapGet("/{name}", HandleAsync);

    private static async Task<Results<Ok<ToolView>, NotFoundProblem>> HandleAsync(string name, ToolRegistry tools, CancellationToken cancellationToken) =>
        await tools.FindAsync(name, cancellationToken) is { } tool ? TypedResults.Ok(tool) : new NotFoundProblem(ToolRegistry.Missing(name));
}
