using Microsoft.Extensions.AI;

namespace Monolith.Search;

/// <summary>
/// What search code embeds through: the configured provider behind IEmbeddingGenerator, with the query and passage
/// prefixes applied and every vector checked against EMBEDDING_DIM.
/// </summary>
public sealed class SearchEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, EmbeddingSettings settings)
{
    /// <summary>
    /// Which provider and model make the vectors (<c>onnx:all-MiniLM-L6-v2</c>, <c>hashing:hashing-ngrams-3-5</c>,
    /// <c>openai:&lt;EMBEDDING_MODEL&gt;</c>): stored with every embedding, so vectors of different models are never compared.
    /// </summary>
    public string Model { get; } = (settings.Provider switch
    {
        EmbeddingProvider.Hashing => "hashing:",
        EmbeddingProvider.Onnx => "onnx:",
        _ => "openai:",
    }) + (settings.Model ?? generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);

    /// <summary>The default model was trained on English text only; hybrid search weighs its meaning less for other scripts.</summary>
    public bool EnglishOnly => settings.DefaultModel;

    public async Task<float[]> EmbedQueryAsync(string query, CancellationToken cancellationToken) =>
        (await EmbedAsync([settings.QueryPrefix + query], cancellationToken))[0];

    public Task<IReadOnlyList<float[]>> EmbedPassagesAsync(IReadOnlyList<string> passages, CancellationToken cancellationToken) =>
        EmbedAsync([.. passages.Select(p => settings.PassagePrefix + p)], cancellationToken);

    private async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        if (inputs.Count == 0)
        {
            return [];
        }

        GeneratedEmbeddings<Embedding<float>> generated;
        try
        {
            generated = await generator.GenerateAsync(inputs, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw e as EmbeddingFailedException ?? new EmbeddingFailedException($"The {settings.Provider} embedding provider failed: {e.Message}", e);
        }

        if (generated.Count != inputs.Count)
        {
            throw new EmbeddingFailedException($"The {settings.Provider} embedding provider returned {generated.Count} vectors for {inputs.Count} inputs.");
        }

        var vectors = new float[generated.Count][];
        for (var i = 0; i < generated.Count; i++)
        {
            var vector = generated[i].Vector;
            if (vector.Length != settings.Dimension)
            {
                throw new EmbeddingFailedException(
                    $"The {settings.Provider} embedding provider returned {vector.Length}-dimensional vectors but EMBEDDING_DIM is {settings.Dimension}.");
            }

            vectors[i] = vector.ToArray();
        }

        return vectors;
    }
}
