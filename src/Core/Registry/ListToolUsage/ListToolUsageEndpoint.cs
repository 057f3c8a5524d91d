using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>GET /api/tools/{name}/usage?limit=&amp;cursor=: the tool's calls newest first, in cursor pages; 404 for an unknown tool.</summary>
public static class ListToolUsageEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapGet("/{name}/usage", HandleAsync).Validates<ToolUsageQuery>();

    private static async Task<Results<Ok<Page<ToolUsageView>>, NotFoundProblem>> HandleAsync(
        [AsParameters] ToolUsageQuery query, ToolUsageLog usage, CancellationToken cancellationToken)
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
