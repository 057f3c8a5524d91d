namespace Monolith.Mechanic;

/// <summary>The committed manifests compared with dynamic_migrations: what is applied, what is pending, what no longer matches.</summary>
/// <param name="Applied">Applied versions with their migration ids, oldest first.</param>
/// <param name="Pending">Manifests in the repository the database has not applied, in version order.</param>
/// <param name="Mismatches">One line per applied migration whose file changed, is missing, or whose version names another migration.</param>
public sealed record ReplayStatus(
    IReadOnlyList<(long Version, string MigrationId)> Applied,
    IReadOnlyList<(MigrationManifest Manifest, string Checksum)> Pending,
    IReadOnlyList<string> Mismatches);
