namespace Monolith.Search;

/// <summary>
/// Narrows a search of one user's documents: to some entity types, to rows whose metadata contains a JSON object
/// (jsonb @>), without one entity (the message being answered), and, for the semantic ranking, to rows at least
/// <see cref="MinSimilarity"/> close (1 - cosine distance), and to hits scoring at least <see cref="MinScore"/> in the
/// mode's own scale (0..1). The default narrows nothing.
/// </summary>
public readonly record struct SearchFilter(
    IReadOnlyList<string>? EntityTypes = null,
    string? MetadataContains = null,
    Guid? Excluding = null,
    double? MinSimilarity = null,
    double? MinScore = null);
