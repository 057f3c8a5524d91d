using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>GET /api/agents?active=&amp;limit=&amp;cursor=: agents by name, in cursor pages.</summary>
public static class ListAgentsEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapGet("/", HandleAsync).Validates<RegistryListQuery>();

    private static async Task<Ok<Page<AgentView>>> HandleAsync([AsParameters] RegistryListQuery query, AgentRegistry agents, CancellationToken cancellationToken)
    {
        var limit = PageCursor.Limit(query.Limit);
        var after = NameCursor.Read(query.Cursor);
        var rows = await agents.ListAsync(query.Active, after?.Name, limit + 1, cancellationToken);
        return TypedResults.Ok(PageCursor.ToPage(rows, limit, a => a, a => new NameCursor(a.Name)));
    }
}
