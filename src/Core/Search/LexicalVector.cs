
namespace Monolith.Search;

/// <summary>
/// The word-form signal of hybrid search: the hashing embedder's words and character 3–5-grams at a fixed size, stored
/// for every document whatever EMBEDDING_PROVIDER is. It makes книга / книги / книгу and хліб / хліба close, which an
/// English model (and Ukrainian full text without a dictionary) misses.
/// </summary>
public static class LexicalVector
{
    public const int Dimension = 384;

    private static readonly HashingEmbeddingGenerator Generator = new(Dimension);

    public static float[] Of(string text) => Generator.Embed(text);

    /// <summary>Cosine similarity of two L2-normalised vectors.</summary>
    public static double Similarity(float[] a, float[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var dot = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }
}
