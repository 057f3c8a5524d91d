using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;
using Monolith.Schema;

namespace Monolith.DynamicEntities;

/// <summary>GET /api/entities/{table}?createdBy=&amp;limit=&amp;cursor=: live rows newest first, in cursor pages.</summary>
public static class ListEntitiesEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapGet("/{table}", HandleAsync).Validates<EntityListQuery>();

    private static async Task<Results<Ok<Page<JsonObject>>, NotFoundProblem, GoneProblem>> HandleAsync(
        string table, [AsParameters] EntityListQuery query, SchemaCatalog catalog, DynamicEntityStore store, CancellationToken cancellationToken)
    {
        var entity = EntityTable.Find(catalog.Current, table);
        return entity.Shape is { } shape
            ? TypedResults.Ok(await store.ListAsync(shape, query, cancellationToken))
            : entity.Refusal<Ok<Page<JsonObject>>>();
    }
}
