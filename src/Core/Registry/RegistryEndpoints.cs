using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>The /api/agents routes.</summary>
public static class AgentEndpoints
{
    public static IEndpointRouteBuilder MapAgentEndpoints(this IEndpointRouteBuilder app)
    {
        var agents = app.MapServiceApi("/agents", "Registry");
        agents.MapGet("/", ListAsync).Validates<RegistryListQuery>();
        agents.MapPost("/", CreateAsync).Validates<CreateAgentRequest>().ProducesProblem(StatusCodes.Status409Conflict);
        agents.MapGet("/{name}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        agents.MapPut("/{name}", UpdateAsync).Validates<UpdateAgentRequest>().ProducesProblem(StatusCodes.Status404NotFound);
        agents.MapDelete("/{name}", DeactivateAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static async Task<Ok<Page<AgentView>>> ListAsync([AsParameters] RegistryListQuery query, AgentRegistry agents, CancellationToken cancellationToken)
    {
        var limit = PageCursor.Limit(query.Limit);
        var after = NameCursor.Read(query.Cursor);
        var rows = await agents.ListAsync(query.Active, after?.Name, limit + 1, cancellationToken);
        return TypedResults.Ok(PageCursor.ToPage(rows, limit, a => a, a => new NameCursor(a.Name)));
    }

    private static async Task<Created<AgentView>> CreateAsync(CreateAgentRequest request, AgentRegistry agents, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var agent = await agents.CreateAsync(request, Actor(user), cancellationToken);
        return TypedResults.Created($"/api/agents/{agent.Name}", agent);
    }

    private static async Task<Ok<AgentView>> GetAsync(string name, AgentRegistry agents, CancellationToken cancellationToken) =>
        TypedResults.Ok(await agents.FindAsync(name, cancellationToken) ?? throw new NotFoundException($"No agent is named '{name}'."));

    private static async Task<Ok<AgentView>> UpdateAsync([AsParameters] UpdateAgentRequest request, AgentRegistry agents, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await agents.UpdateAsync(request.Name, request.Body, Actor(user), cancellationToken));

    private static async Task<NoContent> DeactivateAsync(string name, AgentRegistry agents, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await agents.DeactivateAsync(name, Actor(user), cancellationToken);
        return TypedResults.NoContent();
    }
}
