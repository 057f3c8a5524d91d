namespace Monolith.Mechanic;

/// <summary>A migration step failed; the message names the step and PostgreSQL's reason.</summary>
public sealed class MigrationFailedException(string message, Exception? inner = null) : Exception(message, inner);
