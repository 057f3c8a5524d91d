namespace Monolith.Documents;

/// <summary>What adding a file did: a new document, or the user's existing one with the same content (Duplicate).</summary>
public sealed record DocumentAdded(DocumentView Document, bool Duplicate);
