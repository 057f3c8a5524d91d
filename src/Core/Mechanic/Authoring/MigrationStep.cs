namespace Monolith.Mechanic.Authoring;

/// <summary>One step of a dynamic migration.</summary>
/// <param name="InTransaction">False for statements PostgreSQL refuses inside a transaction (CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT after NOT VALID runs in its own).</param>
public sealed record MigrationStep(string Sql, bool InTransaction, string Description);
