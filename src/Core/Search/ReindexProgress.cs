namespace Monolith.Search;

/// <summary>How far an interrupted tools/monolith reindex got, so running it again continues after LastId.</summary>
public sealed class ReindexProgress
{
    /// <summary>The entity type the run covers, or "*" for every document.</summary>
    public string Scope { get; set; } = null!;

    public Guid LastId { get; set; }

    public long Done { get; set; }

    public int Dimension { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
