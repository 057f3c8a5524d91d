using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;
using Monolith.Schema;

namespace Monolith.DynamicEntities;

/// <summary>GET /api/entities/{table}/{id}?createdBy= → the live row; 404 when it does not exist, was deleted or is another user's (the store decides).</summary>
public static class GetEntityEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapGet("/{table}/{id}", HandleAsync).Validates<EntityOwnerQuery>();

    private static async Task<Results<Ok<JsonObject>, NotFoundProblem, GoneProblem>> HandleAsync(
        string table, Guid id, [AsParameters] EntityOwnerQuery owner, SchemaCatalog catalog, DynamicEntityStore store, CancellationToken cancellationToken)
    {
        var entity = EntityTable.Find(catalog.Current, table);
        return entity.Shape is { } shape
            ? TypedResults.Ok(await store.GetAsync(shape, id, owner.CreatedBy, cancellationToken))
            : entity.Refusal<Ok<JsonObject>>();
    }
}
