namespace Monolith.Registry;

/// <summary>Where a page of agents or tools (ordered by name) ended.</summary>
internal sealed record NameCursor(string Name);
