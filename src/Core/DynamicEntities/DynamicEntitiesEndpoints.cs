using Microsoft.AspNetCore.Routing;
using Monolith.Http;

namespace Monolith.DynamicEntities;

/// <summary>/api/entities/{table}: create, list, read, patch and soft-delete the rows of every dynamic entity.</summary>
/// <remarks>
/// Every route answers 404 for an unknown table and 410 for a retired entity (<see cref="EntityTable"/>). Each request
/// captures the schema version once, so a request that started before a schema change finishes on the shape it started with.
/// </remarks>
public static class DynamicEntitiesEndpoints
{
    public static IEndpointRouteBuilder MapDynamicEntitiesEndpoints(this IEndpointRouteBuilder app)
    {
        var entities = app.MapServiceApi("/entities", "Dynamic entities");
        ListEntitiesEndpoint.Map(entities);
        CreateEntityEndpoint.Map(entities);
        GetEntityEndpoint.Map(entities);
        PatchEntityEndpoint.Map(entities);
        DeleteEntityEndpoint.Map(entities);
        return app;
    }
}
