using Monolith.Search;

namespace Monolith.Documents;

/// <summary>
/// Counts text in the embedding model's own tokens: with a tokenizer file (EMBEDDING_TOKENIZER_PATH, the onnx
/// provider) exactly as the model will see it, passage prefix and special tokens included; without one (hashing,
/// openai) by an estimate that errs high: a word is one token per six characters begun, a punctuation mark one.
/// </summary>
public sealed class EmbeddingTokens
{
    /// <summary>[CLS] and [SEP] (or &lt;s&gt; and &lt;/s&gt;).</summary>
    private const int SpecialTokens = 2;

    private readonly SentenceTokenizer? tokenizer;
    private readonly int reserved;

    public EmbeddingTokens(EmbeddingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        tokenizer = settings.TokenizerPath is { } path ? SentenceTokenizer.Load(path) : null;
        reserved = tokenizer is null ? Estimate(settings.PassagePrefix) + SpecialTokens : tokenizer.Encode(settings.PassagePrefix).Count;
    }

    private EmbeddingTokens(SentenceTokenizer? tokenizer, int reserved)
    {
        this.tokenizer = tokenizer;
        this.reserved = reserved;
    }

    /// <summary>True when counts come from the model's tokenizer, false when they are estimates.</summary>
    public bool Exact => tokenizer is not null;

    /// <summary>What every passage costs before its own text: the special tokens and the passage prefix.</summary>
    public int Reserved => reserved;

    public static EmbeddingTokens WithTokenizer(string tokenizerPath, string passagePrefix = "")
    {
        var tokenizer = SentenceTokenizer.Load(tokenizerPath);
        return new EmbeddingTokens(tokenizer, tokenizer.Encode(passagePrefix).Count);
    }

    public static EmbeddingTokens Estimated(string passagePrefix = "") => new(null, Estimate(passagePrefix) + SpecialTokens);

    /// <summary>The tokens of <paramref name="text"/> alone; the tokenizer stops at 512, so longer text counts as at least 510.</summary>
    public int Count(string text) =>
        tokenizer is null ? Estimate(text) : Math.Max(0, tokenizer.Encode(text).Count - SpecialTokens);

    private static int Estimate(string text)
    {
        var tokens = 0;
        var word = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word++;
                continue;
            }

            tokens += (word + 5) / 6;
            word = 0;
            if (!char.IsWhiteSpace(c))
            {
                tokens++;
            }
        }

        return tokens + ((word + 5) / 6);
    }
}
