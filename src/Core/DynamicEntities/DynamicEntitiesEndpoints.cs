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
/// <remarks>Each request captures the schema version once, so a request that started before a schema change finishes on the shape it started with.</remarks>
public static class DynamicEntityEndpoints
{
    public static IEndpointRouteBuilder MapDynamicEntityEndpoints(this IEndpointRouteBuilder app)
    {
        var entities = app.MapServiceApi("/entities", "Dynamic entities")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        entities.MapGet("/{table}", ListAsync).Validates<EntityListQuery>();
        entities.MapPost("/{table}", CreateAsync).ProducesValidationProblem();
        entities.MapGet("/{table}/{id}", GetAsync).Validates<EntityOwnerQuery>();
        entities.MapPatch("/{table}/{id}", PatchAsync).Validates<EntityOwnerQuery>();
        entities.MapDelete("/{table}/{id}", DeleteAsync).Validates<EntityOwnerQuery>();
        return app;
    }

    private static async Task<Ok<Page<JsonObject>>> ListAsync(
        string table, [AsParameters] EntityListQuery query, SchemaCatalog catalog, DynamicEntityStore store, CancellationToken cancellationToken)
    {
        var shape = DynamicEntityStore.Resolve(catalog.Current, table);
        return TypedResults.Ok(await store.ListAsync(shape, query, cancellationToken));
    }

    private static async Task<Created<JsonObject>> CreateAsync(
        string table, [FromBody] JsonElement body, SchemaCatalog catalog, DynamicEntityStore store, CancellationToken cancellationToken)
    {
        var version = catalog.Current;
        var shape = DynamicEntityStore.Resolve(version, table);
        var row = await store.CreateAsync(version, shape, EntityInput.Parse(body), cancellationToken);
        return TypedResults.Created($"/api/entities/{shape.Table}/{row["id"]!.GetValue<Guid>()}", row);
    }

    private static async Task<Ok<JsonObject>> GetAsync(
        string table, Guid id, [AsParameters] EntityOwnerQuery owner, SchemaCatalog catalog, DynamicEntityStore store, CancellationToken cancellationToken)
    {
        var shape = DynamicEntityStore.Resolve(catalog.Current, table);
        return TypedResults.Ok(await store.GetAsync(shape, id, owner.CreatedBy, cancellationToken));
    }

    private static async Task<Ok<JsonObject>> PatchAsync(
        string table, Guid id, [AsParameters] EntityOwnerQuery owner, [FromBody] JsonElement body, SchemaCatalog catalog, DynamicEntityStore store, CancellationToken cancellationToken)
    {
        var version = catalog.Current;
        var shape = DynamicEntityStore.Resolve(version, table);
        return TypedResults.Ok(await store.PatchAsync(version, shape, id, owner.CreatedBy, EntityInput.Parse(body), cancellationToken));
    }

    private static async Task<NoContent> DeleteAsync(
        string table, Guid id, [AsParameters] EntityOwnerQuery owner, SchemaCatalog catalog, DynamicEntityStore store, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(DynamicEntityStore.Resolve(catalog.Current, table), id, owner.CreatedBy, cancellationToken);
        return TypedResults.NoContent();
    }
}
