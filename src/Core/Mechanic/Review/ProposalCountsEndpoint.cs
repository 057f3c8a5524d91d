using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Monolith.Mechanic;

/// <summary>GET /api/admin/mechanic/changes/counts: how many proposals each status holds, every status listed (0 included).</summary>
public static class ProposalCountsEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder changes) => changes.MapGet("/counts", HandleAsync);

    private static async Task<Ok<Dictionary<string, int>>> HandleAsync(MechanicDbContext db, CancellationToken cancellationToken)
    {
        var counted = await db.Proposals.AsNoTracking().GroupBy(p => p.Status).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        return TypedResults.Ok(ProposalStatus.All.ToDictionary(s => s, s => counted.GetValueOrDefault(s), StringComparer.Ordinal));
    }
}
