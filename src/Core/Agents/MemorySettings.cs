using System.Globalization;
using Monolith.Configuration;

namespace Monolith.Agents;

/// <summary>
/// How close (1 - cosine distance) a message's embedding must be to the query for memory recall to offer it on
/// meaning alone (MEMORY_MIN_SIMILARITY). Semantic search always has a nearest row; without a floor every /find
/// would "find" something. Words that match are found whatever the similarity.
/// </summary>
public sealed record MemorySettings(double MinSimilarity)
{
    public const string Variable = "MEMORY_MIN_SIMILARITY";

    /// <summary>Unrelated texts share almost no n-grams under the hashing provider and score near 0; a misspelled word clears 0.2.</summary>
    public const double DefaultMinSimilarity = 0.2;

    public static MemorySettings Read(SettingReader settings)
    {
        var text = settings.Text(Variable);
        if (text is null)
        {
            return new MemorySettings(DefaultMinSimilarity);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= -1 and <= 1
            ? new MemorySettings(value)
            : throw new ConfigurationException($"{Variable} must be a number from -1 to 1 (a cosine similarity), got '{text}'");
    }
}
