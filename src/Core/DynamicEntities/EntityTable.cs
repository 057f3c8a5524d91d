using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Monolith.Http;
using Monolith.Schema;

namespace Monolith.DynamicEntities;

/// <summary>The live entity a route's {table} names in one schema version, or the problem that refuses it: 404 for none, 410 for a retired one.</summary>
public sealed class EntityTable
{
    private EntityTable(EntityShape? shape, NotFoundProblem? missing, GoneProblem? retired) => (Shape, Missing, Retired) = (shape, missing, retired);

    public EntityShape? Shape { get; }

    public NotFoundProblem? Missing { get; }

    public GoneProblem? Retired { get; }

    public static EntityTable Find(SchemaVersion version, string table) => version.ByTable(table) switch
    {
        null => new(null, new NotFoundProblem($"No dynamic entity is stored in a table named '{table}'."), null),
        { Retired: true } shape => new(null, null, new GoneProblem($"The entity {shape.Name} ({table}) is retired; its rows are no longer served.")),
        var shape => new(shape, null, null),
    };

    /// <summary>The refusal as the handler's result (only when <see cref="Shape"/> is null).</summary>
    public Results<TOk, NotFoundProblem, GoneProblem> Refusal<TOk>()
        where TOk : IResult
    {
        if (Missing is not null)
        {
            return Missing;
        }

        return Retired ?? throw new InvalidOperationException("The table names a live entity; there is nothing to refuse.");
    }
}
