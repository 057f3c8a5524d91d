namespace Monolith.Search;

/// <summary>Where embeddings come from (EMBEDDING_PROVIDER).</summary>
public enum EmbeddingProvider
{
    /// <summary>Offline and deterministic: hashed words and character n-grams.</summary>
    Hashing,

    /// <summary>A local sentence-embedding model run with ONNX Runtime.</summary>
    Onnx,

    /// <summary>Any OpenAI-compatible /v1/embeddings endpoint.</summary>
    OpenAi,
}
