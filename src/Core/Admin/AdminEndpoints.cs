using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Monolith.Admin;

/// <summary>GET /admin: the schema review page. The files hold no data and are served openly; every datum comes from /api/admin/* behind the admin key.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var shell = AdminPage.Load("index.html", "text/html; charset=utf-8");
        var script = AdminPage.Load("admin.js", "text/javascript; charset=utf-8");
        var style = AdminPage.Load("admin.css", "text/css; charset=utf-8");
        var admin = app.MapGroup("/admin").WithTags("Admin page").ExcludeFromDescription();
        admin.MapGet("/", shell.Serve);
        admin.MapGet("/admin.js", script.Serve);
        admin.MapGet("/admin.css", style.Serve);
        return app;
    }
}
