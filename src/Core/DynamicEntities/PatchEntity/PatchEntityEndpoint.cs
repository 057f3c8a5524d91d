using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;
using Monolith.Schema;

namespace Monolith.DynamicEntities;

/// <summary>PATCH /api/entities/{table}/{id}?createdBy= → the patched row; 404 for a missing row (the store decides under its row lock).</summary>
public static class PatchEntityEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapPatch("/{table}/{id}", HandleAsync).Validates<EntityOwnerQuery>();

    private static async Task<Results<Ok<JsonObject>, NotFoundProblem, GoneProblem>> HandleAsync(
        string table, Guid id, [AsParameters] EntityOwnerQuery owner, [FromBody] JsonElement body, SchemaCatalog catalog, DynamicEntityStore store,
        CancellationToken cancellationToken)
    {
        var version = catalog.Current;
        var entity = EntityTable.Find(version, table);
        return entity.Shape is { } shape
            ? TypedResults.Ok(await store.PatchAsync(version, shape, id, owner.CreatedBy, EntityInput.Parse(body), cancellationToken))
            : entity.Refusal<Ok<JsonObject>>();
    }
}
