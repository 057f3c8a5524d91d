using Monolith.Configuration;

namespace Monolith.Search;

/// <summary>The embedding settings of SPEC §2 that shape the schema: EMBEDDING_DIM.</summary>
public sealed record EmbeddingSettings(int Dimension)
{
    public const int DefaultDimension = 384;

    /// <summary>pgvector's HNSW index handles up to 2,000 dimensions of vector.</summary>
    public const int MaxIndexedDimension = 2000;

    public static EmbeddingSettings Read(SettingReader settings) =>
        new(settings.Number("EMBEDDING_DIM", DefaultDimension, 1, MaxIndexedDimension));
}
