using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monolith.Http;
using Monolith.Schema;

namespace Monolith.DynamicEntities;

/// <summary>DELETE /api/entities/{table}/{id}?createdBy= → 204 (soft delete); 404 for a missing row (the store decides).</summary>
public static class DeleteEntityEndpoint
{
    public static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapDelete("/{table}/{id}", HandleAsync).Validates<EntityOwnerQuery>();

    private static async Task<Results<NoContent, NotFoundProblem, GoneProblem>> HandleAsync(
        string table, Guid id, [AsParameters] EntityOwnerQuery owner, SchemaCatalog catalog, DynamicEntityStore store, CancellationToken cancellationToken)
    {
        var entity = EntityTable.Find(catalog.Current, table);
        if (entity.Shape is not { } shape)
        {
            return entity.Refusal<NoContent>();
        }

        await store.DeleteAsync(shape, id, owner.CreatedBy, cancellationToken);
        return TypedResults.NoContent();
    }
}
