using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Monolith.Schema;

namespace Monolith.DynamicEntities;

/// <summary>The validators of each dynamic entity, built from its declared fields once per schema version.</summary>
/// <remarks>Keyed weakly by the version, so a retired version's validators go with it.</remarks>
public sealed class EntityValidators
{
    private readonly ConditionalWeakTable<SchemaVersion, ConcurrentDictionary<(string Table, EntityWriteMode Mode), EntityInputValidator>> byVersion = [];

    public EntityInputValidator For(SchemaVersion version, EntityShape shape, EntityWriteMode mode) =>
        byVersion.GetValue(version, _ => new())
            .GetOrAdd((shape.Table, mode), key => new EntityInputValidator(version, shape, key.Mode));
}
