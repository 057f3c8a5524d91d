using System.Text.RegularExpressions;
using Monolith.Configuration;

namespace Monolith.Search;

/// <summary>The embedding settings: which provider makes vectors, its files or endpoint, and EMBEDDING_DIM.</summary>
public sealed partial record EmbeddingSettings(int Dimension)
{
    public const int DefaultDimension = 384;

    /// <summary>pgvector's HNSW index handles up to 2,000 dimensions of vector.</summary>
    public const int MaxIndexedDimension = 2000;

    public EmbeddingProvider Provider { get; init; } = EmbeddingProvider.Hashing;

    public string? ModelPath { get; init; }

    public string? TokenizerPath { get; init; }

    /// <summary>True when onnx runs the bundled default model (no EMBEDDING_MODEL_PATH).</summary>
    public bool DefaultModel { get; init; }

    public Uri? OpenAiBaseUrl { get; init; }

    public string? OpenAiApiKey { get; init; }

    public string? Model { get; init; }

    /// <summary>Put before a search query ("query: " for e5 models); empty for none.</summary>
    public string QueryPrefix { get; init; } = string.Empty;

    /// <summary>Put before an indexed document ("passage: " for e5 models); empty for none.</summary>
    public string PassagePrefix { get; init; } = string.Empty;

    public static EmbeddingSettings Read(SettingReader settings)
    {
        var dimension = settings.Number("EMBEDDING_DIM", DefaultDimension, 1, MaxIndexedDimension);
        var provider = settings.Choice("EMBEDDING_PROVIDER", EmbeddingProvider.Onnx, new Dictionary<string, EmbeddingProvider>
        {
            ["hashing"] = EmbeddingProvider.Hashing,
            ["onnx"] = EmbeddingProvider.Onnx,
            ["openai"] = EmbeddingProvider.OpenAi,
        });
        var result = provider switch
        {
            EmbeddingProvider.Onnx when settings.Text("EMBEDDING_MODEL_PATH") is null => new EmbeddingSettings(dimension)
            {
                Provider = provider,
                DefaultModel = true,
                ModelPath = DefaultEmbeddingModel.ModelPath,
                TokenizerPath = settings.Text("EMBEDDING_TOKENIZER_PATH") is null
                    ? DefaultEmbeddingModel.VocabularyPath
                    : throw new ConfigurationException("EMBEDDING_TOKENIZER_PATH is set without EMBEDDING_MODEL_PATH: set both, or neither for the default model"),
            },
            EmbeddingProvider.Onnx => new EmbeddingSettings(dimension)
            {
                Provider = provider,
                ModelPath = ExistingFile(settings, "EMBEDDING_MODEL_PATH", "the .onnx sentence-embedding model file"),
                TokenizerPath = ExistingFile(settings, "EMBEDDING_TOKENIZER_PATH", "the model's vocab.txt (WordPiece) or sentencepiece.bpe.model (XLM-R)"),
            },
            EmbeddingProvider.OpenAi => new EmbeddingSettings(dimension)
            {
                Provider = provider,
                OpenAiBaseUrl = settings.AbsoluteUrl("OPENAI_BASE_URL")
                    ?? throw new ConfigurationException("OPENAI_BASE_URL is required when EMBEDDING_PROVIDER=openai: the API root such as http://host:port/v1"),
                OpenAiApiKey = settings.Text("OPENAI_API_KEY"),
                Model = settings.RequiredText("EMBEDDING_MODEL", "the embedding model name the OpenAI-compatible server expects"),
            },
            _ => new EmbeddingSettings(dimension),
        };
        var e5 = IsE5(result.Model ?? result.ModelPath);
        return result with
        {
            QueryPrefix = Prefix(settings, "EMBEDDING_QUERY_PREFIX", e5 ? "query: " : string.Empty),
            PassagePrefix = Prefix(settings, "EMBEDDING_PASSAGE_PREFIX", e5 ? "passage: " : string.Empty),
        };
    }

    /// <summary>e5 models are trained with "query: " and "passage: " prefixes and lose quality without them.</summary>
    private static bool IsE5(string? name) => name is not null && E5Name().IsMatch(name);

    [GeneratedRegex("(^|[^a-z0-9])e5([^a-z0-9]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex E5Name();

    /// <summary>"none" switches a prefix off; a prefix that does not end in a space gets one.</summary>
    private static string Prefix(SettingReader settings, string name, string automatic)
    {
        var text = settings.Text(name);
        return text switch
        {
            null => automatic,
            _ when text.Equals("none", StringComparison.OrdinalIgnoreCase) => string.Empty,
            _ => text + " ",
        };
    }

    private static string ExistingFile(SettingReader settings, string name, string what)
    {
        var path = settings.RequiredText(name, $"{what}, when EMBEDDING_PROVIDER=onnx");
        return File.Exists(path) ? Path.GetFullPath(path) : throw new ConfigurationException($"{name} names no readable file: '{path}'");
    }
}
