namespace Monolith.Mechanic;

/// <summary>One step of a dynamic migration.</summary>
/// <param name="InTransaction">
/// True: run the SQL in a transaction of its own (it starts with SET LOCAL lock_timeout/statement_timeout; retry the whole
/// step on a lock timeout). False: PostgreSQL refuses it inside a transaction (CREATE/DROP INDEX CONCURRENTLY); run it alone.
/// </param>
public sealed record MigrationStep(string Sql, bool InTransaction, string Description);
