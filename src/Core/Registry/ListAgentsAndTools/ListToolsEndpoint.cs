using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>GET /api/tools?active=&amp;limit=&amp;cursor=: tools by name, in cursor pages.</summary>
public static class ListToolsEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapGet("/", HandleAsync).Validates<RegistryListQuery>();

    private static async Task<Ok<Page<ToolView>>> HandleAsync([AsParameters] RegistryListQuery query, ToolRegistry tools, CancellationToken cancellationToken)
    {
        var limit = PageCursor.Limit(query.Limit);
        var after = NameCursor.Read(query.Cursor);
        var rows = await tools.ListAsync(query.Active, after?.Name, limit + 1, cancellationToken);
        return TypedResults.Ok(PageCursor.ToPage(rows, limit, t => t, t => new NameCursor(t.Name)));
    }
}
