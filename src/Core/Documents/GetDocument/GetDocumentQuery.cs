namespace Monolith.Documents;

/// <summary>A document by id, and optionally the user who must own it (another user's document answers 404).</summary>
public sealed record GetDocumentQuery(Guid Id, long? UserId);
