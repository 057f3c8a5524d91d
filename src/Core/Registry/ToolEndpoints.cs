using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>The /api/tools routes, with tool usage.</summary>
public static class ToolEndpoints
{
    public static IEndpointRouteBuilder MapToolEndpoints(this IEndpointRouteBuilder app)
    {
        var tools = app.MapServiceApi("/tools", "Registry");
        tools.MapGet("/", ListAsync).Validates<RegistryListQuery>();
        tools.MapPost("/", CreateAsync).Validates<CreateToolRequest>().ProducesProblem(StatusCodes.Status409Conflict);
        tools.MapGet("/{name}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        tools.MapPut("/{name}", UpdateAsync).Validates<UpdateToolRequest>().ProducesProblem(StatusCodes.Status404NotFound);
        tools.MapDelete("/{name}", DeactivateAsync).ProducesProblem(StatusCodes.Status404NotFound);
        tools.MapPost("/{name}/usage", RecordUsageAsync).Validates<RecordToolUsageRequest>().ProducesProblem(StatusCodes.Status404NotFound);
        tools.MapGet("/{name}/usage", ListUsageAsync).Validates<ToolUsageQuery>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<Page<ToolView>>> ListAsync([AsParameters] RegistryListQuery query, ToolRegistry tools, CancellationToken cancellationToken)
    {
        var limit = PageCursor.Limit(query.Limit);
        var after = NameCursor.Read(query.Cursor);
        var rows = await tools.ListAsync(query.Active, after?.Name, limit + 1, cancellationToken);
        return TypedResults.Ok(PageCursor.ToPage(rows, limit, t => t, t => new NameCursor(t.Name)));
    }

    private static async Task<Created<ToolView>> CreateAsync(CreateToolRequest request, ToolRegistry tools, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var tool = await tools.CreateAsync(request, AgentEndpoints.Actor(user), cancellationToken);
        return TypedResults.Created($"/api/tools/{tool.Name}", tool);
    }

    private static async Task<Ok<ToolView>> GetAsync(string name, ToolRegistry tools, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tools.FindAsync(name, cancellationToken) ?? throw new NotFoundException($"No tool is named '{name}'."));

    private static async Task<Ok<ToolView>> UpdateAsync([AsParameters] UpdateToolRequest request, ToolRegistry tools, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await tools.UpdateAsync(request.Name, request.Body, AgentEndpoints.Actor(user), cancellationToken));

    private static async Task<NoContent> DeactivateAsync(string name, ToolRegistry tools, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await tools.DeactivateAsync(name, AgentEndpoints.Actor(user), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<ToolUsageView>> RecordUsageAsync([AsParameters] RecordToolUsageRequest request, ToolUsageLog usage, CancellationToken cancellationToken)
    {
        var recorded = await usage.RecordAsync(request.Name, request.Body, cancellationToken);
        return TypedResults.Created($"/api/tools/{request.Name}/usage", recorded);
    }

    private static async Task<Ok<Page<ToolUsageView>>> ListUsageAsync([AsParameters] ToolUsageQuery query, ToolUsageLog usage, CancellationToken cancellationToken)
    {
        var limit = PageCursor.Limit(query.Limit);
        var after = PageCursor.Decode<ToolUsageCursor>(query.Cursor);
        if (after is not null && after.CreatedAt.Kind != DateTimeKind.Utc)
        {
            throw new BadRequestException("cursor", "The cursor is not valid: pass nextCursor from a previous page.");
        }

        var rows = await usage.ListAsync(query.Name, after, limit + 1, cancellationToken);
        return TypedResults.Ok(PageCursor.ToPage(rows, limit, u => u, u => new ToolUsageCursor(u.CreatedAt, u.Id)));
    }
}
