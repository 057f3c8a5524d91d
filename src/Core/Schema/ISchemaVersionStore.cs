namespace Monolith.Schema;

/// <summary>Reads the applied dynamic schema from the database (the Mechanic's migration history).</summary>
public interface ISchemaVersionStore
{
    /// <summary>The newest applied version, or <see cref="SchemaVersion.Empty"/> when none is.</summary>
    Task<SchemaVersion> ReadLatestAsync(CancellationToken cancellationToken);

    /// <summary>The newest applied version's number: what <see cref="SchemaWatcher"/> polls every few seconds, so implementations should answer it with one cheap query.</summary>
    async Task<long> ReadLatestNumberAsync(CancellationToken cancellationToken) => (await ReadLatestAsync(cancellationToken)).Number;
}
