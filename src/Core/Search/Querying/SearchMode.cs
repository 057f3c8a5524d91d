namespace Monolith.Search;

/// <summary>How POST /api/search ranks: by embedding, by full text, or by both fused.</summary>
public enum SearchMode
{
    Semantic,
    FullText,
    Hybrid,
}
