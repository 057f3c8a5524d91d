using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Monolith.Http;

/// <summary>The route groups modules map into: /api/* behind the service key, /api/admin/* behind the admin key, proposer routes under /api/admin/* behind the proposer or admin key.</summary>
public static class ApiRouteGroups
{
    public static RouteGroupBuilder MapServiceApi(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup("/api" + prefix).RequireAuthorization(AccessPolicy.Service).WithTags(tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup("/api/admin" + prefix).RequireAuthorization(AccessPolicy.Admin).WithTags(tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Routes the Mechanic's proposer may use (the admin key may too); they live under /api/admin beside the review routes.</summary>
    public static RouteGroupBuilder MapProposerApi(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup("/api/admin" + prefix).RequireAuthorization(AccessPolicy.Proposer).WithTags(tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
}
