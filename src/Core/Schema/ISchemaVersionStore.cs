namespace Monolith.Schema;

/// <summary>Reads the applied dynamic schema from the database (the Mechanic's migration history).</summary>
public interface ISchemaVersionStore
{
    /// <summary>The newest applied version, or <see cref="SchemaVersion.Empty"/> when none is.</summary>
    Task<SchemaVersion> ReadLatestAsync(CancellationToken cancellationToken);
}
