using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Monolith.Http;

namespace Monolith.Mechanic;

/// <summary>
/// The review API under /api/admin/mechanic and /api/admin/schema. An unsafe change is not a bad request: it is stored
/// as a proposal with status rejected and its findings (201), so the requester sees why; only malformed requests are 400.
/// The proposer key may propose, read its own proposals and the schema; approving and rejecting need the admin key.
/// </summary>
public static class MechanicEndpoints
{
    private static readonly string ProposerProposals = MechanicJson.Write(new { role = MechanicCaller.ProposerRole });

    public static IEndpointRouteBuilder MapMechanicEndpoints(this IEndpointRouteBuilder app)
    {
        var proposals = app.MapProposerApi("/mechanic/changes", "Mechanic");
        proposals.AddEndpointFilter<DraftsBusyFilter>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        proposals.MapPost("/", ProposeAsync).Validates<ChangeRequest>();
        proposals.MapGet("/", ListAsync).Validates<ProposalQuery>();
        proposals.MapGet("/{id:guid}", ShowAsync);
        var reviews = app.MapAdminApi("/mechanic/changes", "Mechanic");
        ProposalCountsEndpoint.Map(reviews);
        reviews.AddEndpointFilter<DraftsBusyFilter>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        reviews.MapPost("/{id:guid}/approve", ApproveAsync).ProducesProblem(StatusCodes.Status400BadRequest);
        reviews.MapPost("/{id:guid}/reject", RejectAsync).Validates<RejectRequest>();
        app.MapProposerApi("/schema", "Mechanic").MapGet("/", SchemaAsync);
        return app;
    }

    private static async Task<Created<SchemaProposalView>> ProposeAsync(ChangeRequest request, HttpContext context, MechanicPipeline pipeline, CancellationToken cancellationToken)
    {
        var proposal = await pipeline.ProposeAsync(request, MechanicCaller.FromKey(context.User, Channel(context)), cancellationToken);
        return TypedResults.Created($"/api/admin/mechanic/changes/{proposal.Id}", SchemaProposalView.From(proposal));
    }

    private static async Task<Ok<Page<SchemaProposalView>>> ListAsync(
        [AsParameters] ProposalQuery query, HttpContext context, MechanicDbContext db, CancellationToken cancellationToken)
    {
        var limit = PageCursor.Limit(query.Limit);
        var after = PageCursor.Decode<ProposalCursor>(query.Cursor);
        var rows = db.Proposals.AsNoTracking();
        if (IsProposerOnly(context))
        {
            rows = rows.Where(p => EF.Functions.JsonContains(p.ProposedBy, ProposerProposals));
        }

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

    private static async Task<Results<Ok<SchemaProposalView>, NotFoundProblem>> ShowAsync(
        Guid id, HttpContext context, MechanicPipeline pipeline, CancellationToken cancellationToken)
    {
        var proposal = await pipeline.FindAsync(id, cancellationToken);
        // The proposer reads its own proposals only; another's is as absent as an unknown id.
        if (proposal is null || (IsProposerOnly(context) && MechanicCaller.Read(proposal.ProposedBy)?.Role != MechanicCaller.ProposerRole))
        {
            return new NotFoundProblem(MechanicPipeline.NotFound(id));
        }

        return TypedResults.Ok(SchemaProposalView.From(proposal));
    }

    // A 409 is the pipeline's decision, made under the Mechanic lock (the change is no longer pending, or the schema moved
    // on since it was drafted); the handler only answers 404 for an id that names no change (changes are never deleted).
    private static async Task<Results<Ok<SchemaProposalView>, NotFoundProblem, ConflictProblem>> ApproveAsync(
        Guid id, HttpContext context, MechanicPipeline pipeline, CancellationToken cancellationToken)
    {
        var approver = MechanicCaller.FromKey(context.User, Channel(context));
        if (await pipeline.FindAsync(id, cancellationToken) is null)
        {
            return new NotFoundProblem(MechanicPipeline.NotFound(id));
        }

        try
        {
            return TypedResults.Ok(SchemaProposalView.From(await pipeline.ApproveAsync(id, approver, cancellationToken)));
        }
        catch (ConflictException conflict)
        {
            return new ConflictProblem(conflict.Message);
        }
    }

    private static async Task<Results<Ok<SchemaProposalView>, NotFoundProblem, ConflictProblem>> RejectAsync(
        Guid id, RejectRequest request, HttpContext context, MechanicPipeline pipeline, CancellationToken cancellationToken)
    {
        var reviewer = MechanicCaller.FromKey(context.User, Channel(context));
        if (await pipeline.FindAsync(id, cancellationToken) is null)
        {
            return new NotFoundProblem(MechanicPipeline.NotFound(id));
        }

        try
        {
            return TypedResults.Ok(SchemaProposalView.From(await pipeline.RejectAsync(id, request.Reason!, reviewer, cancellationToken)));
        }
        catch (ConflictException conflict)
        {
            return new ConflictProblem(conflict.Message);
        }
    }

    private static bool IsProposerOnly(HttpContext context) => !context.User.IsInRole(ApiKeyAuthentication.AdminRole);

    /// <summary>The channel the client names in X-Review-Channel (the admin page sends admin_page); api when absent.</summary>
    private static string Channel(HttpContext context)
    {
        var values = context.Request.Headers[ReviewChannel.HeaderName];
        if (values.Count == 0)
        {
            return ReviewChannel.Api;
        }

        return values.Count == 1 && ReviewChannel.Http.Contains(values[0]) ? values[0]!
            : throw new BadRequestException(ReviewChannel.HeaderName, $"{ReviewChannel.HeaderName} must be one of {string.Join(", ", ReviewChannel.Http)}.");
    }

    private static async Task<Ok<SchemaView>> SchemaAsync(DynamicMigrationHistory history, CancellationToken cancellationToken) =>
        TypedResults.Ok(SchemaView.From(await history.ReadLatestAsync(cancellationToken)));

    private sealed record ProposalCursor(DateTime CreatedAt, Guid Id);
}
