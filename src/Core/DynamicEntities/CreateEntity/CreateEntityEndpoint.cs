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

/// <summary>POST /api/entities/{table} → 201 with the row; 400 for a body the entity's fields refuse.</summary>
public static class CreateEntityEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapPost("/{table}", HandleAsync).ProducesValidationProblem();

    private static async Task<Results<Created<JsonObject>, NotFoundProblem, GoneProblem>> HandleAsync(
        string table, [FromBody] JsonElement body, SchemaCatalog catalog, DynamicEntityStore store, CancellationToken cancellationToken)
    {
        var version = catalog.Current;
        var entity = EntityTable.Find(version, table);
        if (entity.Shape is not { } shape)
        {
            return entity.Refusal<Created<JsonObject>>();
        }

        var row = await store.CreateAsync(version, shape, EntityInput.Parse(body), cancellationToken);
        return TypedResults.Created($"/api/entities/{shape.Table}/{row["id"]!.GetValue<Guid>()}", row);
    }
}
