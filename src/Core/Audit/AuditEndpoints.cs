using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.Audit;

/// <summary>The audit routes: GET /api/admin/audit, behind the admin key.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        ListAuditEntriesEndpoint.Map(app.MapAdminApi("/audit", "Audit"));
        return app;
    }
}
