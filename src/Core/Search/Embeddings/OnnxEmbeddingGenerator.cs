using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Monolith.Configuration;

namespace Monolith.Search;

/// <summary>
/// A local sentence-embedding model (EMBEDDING_MODEL_PATH, tokenizer at EMBEDDING_TOKENIZER_PATH) run with ONNX
/// Runtime: the mean of last_hidden_state over the attention mask, L2-normalised.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Texts padded to one length run together; small batches keep padding waste and memory low.</summary>
    public const int BatchSize = 16;

    private readonly InferenceSession session;
    private readonly SentenceTokenizer tokenizer;
    private readonly string outputName;
    private readonly bool takesTokenTypes;
    private readonly EmbeddingGeneratorMetadata metadata;

    public OnnxEmbeddingGenerator(string modelPath, string tokenizerPath, int dimension)
        : this(modelPath, tokenizerPath, dimension, SentenceTokenizer.MaxTokens, ModelIdOf(modelPath))
    {
    }

    private OnnxEmbeddingGenerator(string modelPath, string tokenizerPath, int dimension, int maxTokens, string modelId)
    {
        try
        {
            session = new InferenceSession(modelPath);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ConfigurationException($"EMBEDDING_MODEL_PATH is not a loadable ONNX model: {e.Message.ReplaceLineEndings(" ")}");
        }

        try
        {
            tokenizer = SentenceTokenizer.Load(tokenizerPath, maxTokens);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IOException)
        {
            session.Dispose();
            throw new ConfigurationException($"EMBEDDING_TOKENIZER_PATH is not a vocab.txt or sentencepiece model: {e.Message.ReplaceLineEndings(" ")}");
        }

        var inputs = session.InputMetadata.Keys.ToHashSet();
        if (!inputs.Contains("input_ids") || !inputs.Contains("attention_mask"))
        {
            session.Dispose();
            throw new ConfigurationException(
                $"EMBEDDING_MODEL_PATH: the model must take input_ids and attention_mask, it takes {string.Join(", ", inputs)}");
        }

        takesTokenTypes = inputs.Contains("token_type_ids");
        outputName = session.OutputMetadata.ContainsKey("last_hidden_state") ? "last_hidden_state" : session.OutputNames[0];
        var hidden = session.OutputMetadata[outputName].Dimensions;
        if (hidden.Length != 3 || (hidden[2] > 0 && hidden[2] != dimension))
        {
            session.Dispose();
            throw new ConfigurationException(
                $"EMBEDDING_DIM is {dimension} but the model at EMBEDDING_MODEL_PATH gives {outputName} of shape [{string.Join(", ", hidden)}]");
        }

        metadata = new EmbeddingGeneratorMetadata("onnx", new Uri(modelPath), modelId, dimension);
    }

    /// <summary>The bundled all-MiniLM-L6-v2, checked by SHA-256 first.</summary>
    public static OnnxEmbeddingGenerator Default(int dimension)
    {
        DefaultEmbeddingModel.Verify();
        return new OnnxEmbeddingGenerator(
            DefaultEmbeddingModel.ModelPath, DefaultEmbeddingModel.VocabularyPath, dimension, DefaultEmbeddingModel.MaxTokens, DefaultEmbeddingModel.Name);
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var batch in values.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.AddRange(Run(batch).Select(v => new Embedding<float>(v) { ModelId = metadata.DefaultModelId }));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose() => session.Dispose();

    /// <summary>A model of one's own is known by its file name and size: another export under the same name differs in size.</summary>
    private static string ModelIdOf(string modelPath) =>
        string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(modelPath)} ({new FileInfo(modelPath).Length} bytes)");

    private List<float[]> Run(string[] texts)
    {
        var encoded = texts.Select(tokenizer.Encode).ToList();
        var length = encoded.Max(ids => ids.Count);
        var shape = new long[] { texts.Length, length };
        var inputIds = new long[texts.Length * length];
        var mask = new long[texts.Length * length];
        for (var row = 0; row < encoded.Count; row++)
        {
            for (var column = 0; column < length; column++)
            {
                var present = column < encoded[row].Count;
                inputIds[(row * length) + column] = present ? encoded[row][column] : tokenizer.PadId;
                mask[(row * length) + column] = present ? 1 : 0;
            }
        }

        var names = new List<string> { "input_ids", "attention_mask" };
        using var ids = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var attention = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[texts.Length * length], shape);
        var values = new List<OrtValue> { ids, attention };
        if (takesTokenTypes)
        {
            names.Add("token_type_ids");
            values.Add(types);
        }

        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, names, values, [outputName]);
        var output = outputs[0];
        var outputShape = output.GetTensorTypeAndShape().Shape;
        var hidden = (int)outputShape[2];
        return MeanPool(output.GetTensorDataAsSpan<float>(), mask, texts.Length, length, hidden);
    }

    /// <summary>Averages each text's token vectors where the attention mask is 1 (padding never counts), then L2-normalises.</summary>
    private static List<float[]> MeanPool(ReadOnlySpan<float> hiddenStates, long[] mask, int rows, int length, int hidden)
    {
        var pooled = new List<float[]>(rows);
        for (var row = 0; row < rows; row++)
        {
            var sum = new float[hidden];
            var tokens = 0;
            for (var column = 0; column < length; column++)
            {
                if (mask[(row * length) + column] == 0)
                {
                    continue;
                }

                tokens++;
                var offset = ((row * length) + column) * hidden;
                for (var h = 0; h < hidden; h++)
                {
                    sum[h] += hiddenStates[offset + h];
                }
            }

            var norm = 0f;
            for (var h = 0; h < hidden; h++)
            {
                sum[h] /= Math.Max(tokens, 1);
                norm += sum[h] * sum[h];
            }

            norm = MathF.Sqrt(norm);
            for (var h = 0; h < hidden && norm > 0; h++)
            {
                sum[h] /= norm;
            }

            pooled.Add(sum);
        }

        return pooled;
    }
}
