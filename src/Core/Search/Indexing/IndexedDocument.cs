namespace Monolith.Search;

/// <summary>A document to index for one user; Metadata is a JSON object as text (null for {}).</summary>
public sealed record IndexedDocument(string EntityType, Guid EntityId, long UserId, string Content, string? Metadata = null);
