namespace Monolith.Mechanic;

/// <summary>Takes the backup the Mechanic records before it applies a migration.</summary>
/// <remarks>The pipeline depends only on this, so the Backup module's DatabaseBackup can take the place of <see cref="PgDumpBackup"/>.</remarks>
public interface IPreMigrationBackup
{
    /// <returns>The full path of the backup file.</returns>
    Task<string> CreateAsync(string label, CancellationToken cancellationToken);
}
