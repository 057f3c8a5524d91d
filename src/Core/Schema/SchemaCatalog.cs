namespace Monolith.Schema;

/// <summary>The dynamic schema this process serves. Publishing a newer version swaps it atomically; older ones are ignored.</summary>
public sealed class SchemaCatalog
{
    private SchemaVersion current = SchemaVersion.Empty;

    /// <summary>Raised after a newer version is published.</summary>
    public event Action<SchemaVersion>? Changed;

    public SchemaVersion Current => Volatile.Read(ref current);

    /// <returns>True when the version was newer and is now current.</returns>
    public bool Publish(SchemaVersion version)
    {
        while (true)
        {
            var seen = Current;
            if (version.Number <= seen.Number)
            {
                return false;
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref current, version, seen), seen))
            {
                Changed?.Invoke(version);
                return true;
            }
        }
    }
}
