
namespace Monolith.Search;

/// <summary>The body of POST /api/search.</summary>
public sealed record SearchRequest(
    long? UserId, string? Query, int? Limit, IReadOnlyList<string?>? EntityTypes,
    [property: System.ComponentModel.DataAnnotations.AllowedValues("semantic", "fulltext", "hybrid", null)] string? Mode,
    double? MinScore = null)
{
    public const int DefaultLimit = 10;

    public static readonly IReadOnlyDictionary<string, SearchMode> Modes = new Dictionary<string, SearchMode>(StringComparer.Ordinal)
    {
        ["semantic"] = SearchMode.Semantic,
        ["fulltext"] = SearchMode.FullText,
        ["hybrid"] = SearchMode.Hybrid,
    };

    [System.Text.Json.Serialization.JsonIgnore]
    public SearchMode SearchMode => Mode is null ? SearchMode.Semantic : Modes[Mode];
}
