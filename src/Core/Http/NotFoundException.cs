namespace Monolith.Http;

/// <summary>A request named something that does not exist: 404.</summary>
public sealed class NotFoundException(string detail) : Exception(detail);
