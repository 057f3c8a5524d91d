namespace Monolith.Http;

/// <summary>A request names something that existed and is gone for good (a retired entity): 410.</summary>
public sealed class GoneException(string detail) : Exception(detail);
