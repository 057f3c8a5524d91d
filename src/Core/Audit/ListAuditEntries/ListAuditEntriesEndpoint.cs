using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Monolith.Http;

namespace Monolith.Audit;

/// <summary>GET /api/admin/audit?action=&amp;actor=&amp;since=&amp;limit=&amp;cursor=: the audit log newest first, filtered by action, actor and time.</summary>
public static class ListAuditEntriesEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapGet("/", HandleAsync).Validates<AuditQuery>();

    private static async Task<Ok<Page<AuditEntryView>>> HandleAsync([AsParameters] AuditQuery query, AuditDbContext db, CancellationToken cancellationToken)
    {
        var limit = PageCursor.Limit(query.Limit);
        var after = PageCursor.Decode<AuditCursor>(query.Cursor);
        var rows = db.Entries.AsNoTracking();
        if (query.Action is not null)
        {
            rows = rows.Where(e => e.Action == query.Action);
        }

        if (query.Actor is not null)
        {
            rows = rows.Where(e => e.Actor == query.Actor);
        }

        if (query.Since is { } since)
        {
            var sinceUtc = since.UtcDateTime;
            rows = rows.Where(e => e.CreatedAt >= sinceUtc);
        }

        if (after is not null)
        {
            rows = rows.Where(e => e.Id < after.Id);
        }

        var page = await rows.OrderByDescending(e => e.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(PageCursor.ToPage(page, limit, AuditEntryView.From, e => new AuditCursor(e.Id)));
    }

    private sealed record AuditCursor(long Id);
}
