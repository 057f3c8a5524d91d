using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Monolith.Http;
using Monolith.Mechanic.Authoring;

namespace Monolith.Mechanic;

/// <summary>
/// The review API under /api/admin/mechanic and /api/admin/schema. An unsafe change is not a bad request: it is stored
/// as a proposal with status rejected and its findings (201), so the requester sees why; only malformed requests are 400.
/// </summary>
public static class MechanicEndpoints
{
    private const string ApiApprover = "admin api";

    public static IEndpointRouteBuilder MapMechanicEndpoints(this IEndpointRouteBuilder app)
    {
        var changes = app.MapAdminApi("/mechanic/changes", "Mechanic");
        changes.MapPost("/", ProposeAsync).Validates<ChangeRequest>();
        changes.MapGet("/", ListAsync).Validates<ProposalQuery>();
        ProposalCountsEndpoint.Map(changes);
        changes.MapGet("/{id:guid}", ShowAsync).ProducesProblem(StatusCodes.Status404NotFound);
        changes.MapPost("/{id:guid}/approve", ApproveAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        changes.MapPost("/{id:guid}/reject", RejectAsync).Validates<RejectRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapAdminApi("/schema", "Mechanic").MapGet("/", SchemaAsync);
        return app;
    }

    private static async Task<Created<SchemaProposalView>> ProposeAsync(ChangeRequest request, MechanicPipeline pipeline, CancellationToken cancellationToken)
    {
        var proposal = await pipeline.ProposeAsync(request, cancellationToken);
        return TypedResults.Created($"/api/admin/mechanic/changes/{proposal.Id}", SchemaProposalView.From(proposal));
    }

    private static async Task<Ok<Page<SchemaProposalView>>> ListAsync([AsParameters] ProposalQuery query, MechanicDbContext db, CancellationToken cancellationToken)
    {
        var limit = PageCursor.Limit(query.Limit);
        var after = PageCursor.Decode<ProposalCursor>(query.Cursor);
        var rows = db.Proposals.AsNoTracking();
        if (query.Status is not null)
        {
            rows = rows.Where(p => p.Status == query.Status);
        }

        if (after is not null)
        {
            rows = rows.Where(p => p.CreatedAt < after.CreatedAt || (p.CreatedAt == after.CreatedAt && p.Id.CompareTo(after.Id) < 0));
        }

        var page = await rows.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(PageCursor.ToPage(page, limit, SchemaProposalView.From, p => new ProposalCursor(p.CreatedAt, p.Id)));
    }

    private static async Task<Ok<SchemaProposalView>> ShowAsync(Guid id, MechanicPipeline pipeline, CancellationToken cancellationToken) =>
        TypedResults.Ok(SchemaProposalView.From(await pipeline.LoadAsync(id, cancellationToken)));

    private static async Task<Ok<SchemaProposalView>> ApproveAsync(Guid id, MechanicPipeline pipeline, CancellationToken cancellationToken) =>
        TypedResults.Ok(SchemaProposalView.From(await pipeline.ApproveAsync(id, ApiApprover, cancellationToken)));

    private static async Task<Ok<SchemaProposalView>> RejectAsync(Guid id, RejectRequest request, MechanicPipeline pipeline, CancellationToken cancellationToken) =>
        TypedResults.Ok(SchemaProposalView.From(await pipeline.RejectAsync(id, request.Reason!, cancellationToken)));

    private static async Task<Ok<SchemaView>> SchemaAsync(DynamicMigrationHistory history, CancellationToken cancellationToken) =>
        TypedResults.Ok(SchemaView.From(await history.ReadLatestAsync(cancellationToken)));

    private sealed record ProposalCursor(DateTime CreatedAt, Guid Id);
}
