using System.Text.Json;

namespace Monolith.Search;

/// <summary>One result of POST /api/search; Score is comparable only within one mode.</summary>
public sealed record SearchHit(string EntityType, Guid EntityId, string Content, JsonElement Metadata, double Score);
