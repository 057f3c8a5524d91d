namespace Monolith.Search;

/// <summary>How a semantic query finds the nearest rows of one user.</summary>
public enum SemanticScan
{
    /// <summary>Exact scan for a small slice, HNSW otherwise (falling back to exact if HNSW returns too few).</summary>
    Auto,

    /// <summary>Always the HNSW index with iterative scan.</summary>
    Index,

    /// <summary>Always an exact scan of the user's rows.</summary>
    Exact,
}
