namespace Monolith.Search;

/// <summary>The embedding provider could not embed (unreachable, refused, or answered vectors of the wrong size).</summary>
public sealed class EmbeddingFailedException(string message, Exception? inner = null) : Exception(message, inner);
