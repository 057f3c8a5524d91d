namespace Monolith.Search;

/// <summary>What indexing one document did: a new row or an update, embedded now or queued for the embedding worker.</summary>
public sealed record IndexOutcome(string EntityType, Guid EntityId, bool Created, bool Embedded);
