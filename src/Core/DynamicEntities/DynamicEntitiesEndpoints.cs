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

/// <summary>/api/entities/{table}: create, list, read, patch and soft-delete the rows of every dynamic entity.</summary>
/// <remarks>
/// Every route answers 404 for an unknown table and 410 for a retired entity (the store resolves the table); row routes
/// also 404 for a missing row. Each request captures the schema version once, so a request that started before a schema change finishes on the shape it started with.
/// </remarks>
public static class DynamicEntitiesEndpoints
{
    public static IEndpointRouteBuilder MapDynamicEntitiesEndpoints(this IEndpointRouteBuilder app)
    {
        var entities = app.MapServiceApi("/entities", "Dynamic entities");
        entities.MapGet("/{table}", ListAsync).Validates<EntityListQuery>();
        entities.MapPost("/{table}", CreateAsync).ProducesValidationProblem();
        entities.MapGet("/{table}/{id}", GetAsync).Validates<EntityOwnerQuery>();
        entities.MapPatch("/{table}/{id}", PatchAsync).Validates<EntityOwnerQuery>();
        entities.MapDelete("/{table}/{id}", DeleteAsync).Validates<EntityOwnerQuery>();
        return app;
    }

    private static async Task<Results<Ok<Page<JsonObject>>, NotFoundProblem, GoneProblem>> ListAsync(
        string table, [AsParameters] EntityListQuery query, SchemaCatalog catalog, DynamicEntityStore store, CancellationToken cancellationToken)
    {
        var shape = DynamicEntityStore.Resolve(catalog.Current, table);
        return TypedResults.Ok(await store.ListAsync(shape, query, cancellationToken));
    }

    private static async Task<Results<Created<JsonObject>, NotFoundProblem, GoneProblem>> CreateAsync(
        string table, [FromBody] JsonElement body, SchemaCatalog catalog, DynamicEntityStore store, CancellationToken cancellationToken)
    {
        var version = catalog.Current;
        var shape = DynamicEntityStore.Resolve(version, table);
        var row = await store.CreateAsync(version, shape, EntityInput.Parse(body), cancellationToken);
        return TypedResults.Created($"/api/entities/{shape.Table}/{row["id"]!.GetValue<Guid>()}", row);
    }

    private static async Task<Results<Ok<JsonObject>, NotFoundProblem, GoneProblem>> GetAsync(
        string table, Guid id, [AsParameters] EntityOwnerQuery owner, SchemaCatalog catalog, DynamicEntityStore store, CancellationToken cancellationToken)
    {
        var shape = DynamicEntityStore.Resolve(catalog.Current, table);
        return TypedResults.Ok(await store.GetAsync(shape, id, owner.CreatedBy, cancellationToken));
    }

    private static async Task<Results<Ok<JsonObject>, NotFoundProblem, GoneProblem>> PatchAsync(
        string table, Guid id, [AsParameters] EntityOwnerQuery owner, [FromBody] JsonElement body, SchemaCatalog catalog, DynamicEntityStore store, CancellationToken cancellationToken)
    {
        var version = catalog.Current;
        var shape = DynamicEntityStore.Resolve(version, table);
        return TypedResults.Ok(await store.PatchAsync(version, shape, id, owner.CreatedBy, EntityInput.Parse(body), cancellationToken));
    }

    private static async Task<Results<NoContent, NotFoundProblem, GoneProblem>> DeleteAsync(
        string table, Guid id, [AsParameters] EntityOwnerQuery owner, SchemaCatalog catalog, DynamicEntityStore store, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(DynamicEntityStore.Resolve(catalog.Current, table), id, owner.CreatedBy, cancellationToken);
        return TypedResults.NoContent();
    }
}
