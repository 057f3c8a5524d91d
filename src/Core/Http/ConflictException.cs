namespace Monolith.Http;

/// <summary>A request conflicts with the current state (a taken name, a stale proposal): 409.</summary>
public sealed class ConflictException(string detail) : Exception(detail);
