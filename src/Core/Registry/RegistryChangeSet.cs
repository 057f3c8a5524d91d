using Monolith.Audit;

namespace Monolith.Registry;

/// <summary>The fields one registry operation changes, applied to the row as they are noted and audited together.</summary>
internal sealed class RegistryChangeSet
{
    private readonly Dictionary<string, object?> changes = [];

    public bool IsEmpty => changes.Count == 0;

    /// <summary>Sets the field to <paramref name="wanted"/> and notes it, unless it already has that value.</summary>
    public void Set<TValue>(string field, TValue current, TValue wanted, Action<TValue> set)
    {
        if (!EqualityComparer<TValue>.Default.Equals(current, wanted))
        {
            Note(field, current, wanted);
            set(wanted);
        }
    }

    /// <summary>Notes a change the caller compared itself.</summary>
    public void Note(string field, object? from, object? to) => changes[field] = new { from, to };

    /// <summary>Writes the registry_change audit row in the context's transaction.</summary>
    public Task RecordAsync(RegistryDbContext db, string entity, string name, string operation, string actor, int? version, CancellationToken cancellationToken) =>
        AuditLog.RecordAsync(new AuditEvent(RegistryChange.Action, actor, new RegistryChange(entity, name, operation, changes, version)), db, cancellationToken);
}
