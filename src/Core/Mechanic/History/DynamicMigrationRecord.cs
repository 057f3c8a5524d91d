namespace Monolith.Mechanic;

/// <summary>One dynamic_migrations row: an applied dynamic migration and the schema it led to.</summary>
public sealed class DynamicMigrationRecord
{
    /// <summary>The schema version number this migration produced (1, 2, ...).</summary>
    public long Version { get; set; }

    public string MigrationId { get; set; } = null!;

    /// <summary>SHA-256 (hex) of the migration's files as committed.</summary>
    public string Checksum { get; set; } = null!;

    public DateTime AppliedAt { get; set; }

    /// <summary>Entity name → class source after this migration (jsonb object).</summary>
    public string EntitySources { get; set; } = "{}";

    public string? Snapshot { get; set; }

    /// <summary>The <c>EntityShape</c>s after this migration (jsonb array).</summary>
    public string Entities { get; set; } = "[]";

    /// <summary>The proposal that applied it; null when replayed from the repository's files.</summary>
    public Guid? ChangeId { get; set; }
}
