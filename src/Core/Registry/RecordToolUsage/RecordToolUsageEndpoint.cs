using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>POST /api/tools/{name}/usage → 201 with the recorded call; 404 for an unknown tool.</summary>
public static class RecordToolUsageEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapPost("/{name}/usage", HandleAsync).Validates<RecordToolUsageRequest>();

    private static async Task<Results<Created<ToolUsageView>, NotFoundProblem>> HandleAsync(
        [AsParameters] RecordToolUsageRequest request, ToolUsageLog usage, CancellationToken cancellationToken)
    {
        var recorded = await usage.RecordAsync(request.Name, request.Body, cancellationToken);
        return TypedResults.Created($"/api/tools/{request.Name}/usage", recorded);
    }
}
