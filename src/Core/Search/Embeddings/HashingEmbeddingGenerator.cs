using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace Monolith.Search;

/// <summary>
/// Offline, deterministic embeddings: lower-cased NFKC words and their character 3- to 5-grams (with word boundary
/// markers) hashed with FNV-1a into signed buckets, weighted by sublinear term frequency and L2-normalised.
/// Shared n-grams make inflected forms (книга, книги, книгу) close; different words with the same meaning are not.
/// </summary>
public sealed class HashingEmbeddingGenerator(int dimension) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int MinGram = 3;
    public const int MaxGram = 5;

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>A whole word says more than any one of its n-grams.</summary>
    private const float WordWeight = 2f;

    private readonly EmbeddingGeneratorMetadata metadata = new("hashing", null, "hashing-ngrams-3-5", dimension);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Embed(value)) { ModelId = metadata.DefaultModelId });
        }

        return Task.FromResult(result);
    }

    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new Dictionary<ulong, (int Count, float Weight)>();
        foreach (var word in Words(Normalize(text)))
        {
            Count(counts, Hash('w', word), WordWeight);
            var marked = $"<{word}>";
            for (var n = MinGram; n <= MaxGram; n++)
            {
                for (var start = 0; start + n <= marked.Length; start++)
                {
                    Count(counts, Hash('g', marked.AsSpan(start, n)), 1f);
                }
            }
        }

        var vector = new float[dimension];
        foreach (var (hash, (count, weight)) in counts)
        {
            var bucket = (int)((hash & 0x7FFF_FFFF_FFFF_FFFFUL) % (ulong)dimension);
            var sign = (hash >> 63) == 0 ? 1f : -1f;
            vector[bucket] += sign * weight * (1f + MathF.Log(count));
        }

        return Normalized(vector);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
    }

    /// <summary>NFKC folds compatibility forms, lower-casing is culture-free, and ё is written as е as often as not.</summary>
    private static string Normalize(string text) =>
        text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Replace('ё', 'е').Replace('ʼ', '\'').Replace('’', '\'');

    /// <summary>Runs of letters, digits and in-word apostrophes (Ukrainian п'ять); text without any falls back to its non-space runs.</summary>
    private static IEnumerable<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                || (c == '\'' && current.Length > 0))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString().TrimEnd('\''));
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString().TrimEnd('\''));
        }

        return words.Count > 0 ? words : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

    private static void Count(Dictionary<ulong, (int Count, float Weight)> counts, ulong hash, float weight)
    {
        counts[hash] = counts.TryGetValue(hash, out var seen) ? (seen.Count + 1, weight) : (1, weight);
    }

    private static ulong Hash(char kind, ReadOnlySpan<char> text)
    {
        var hash = (FnvOffset ^ kind) * FnvPrime;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * FnvPrime;
            hash = (hash ^ (byte)(c >> 8)) * FnvPrime;
        }

        // FNV's high bit mixes poorly on short inputs; one multiply-xorshift round spreads it.
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        return hash;
    }

    private static float[] Normalized(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        if (norm == 0f)
        {
            // Cosine distance is undefined for the zero vector; a fixed unit vector keeps text without features comparable.
            vector[0] = 1f;
            return vector;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }

        return vector;
    }
}
