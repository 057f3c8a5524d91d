using Microsoft.Extensions.AI;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monolith.Configuration;
using Npgsql;

namespace Monolith.Search;

/// <summary>
/// Stops the service at start-up when EMBEDDING_DIM differs from the dimension of the stored embeddings, or when stored
/// embeddings were made by another provider or model than the configured one (comparing them with this model's query
/// vectors would rank nonsense). Taking the embedder makes the provider load now (an ONNX model whose width is not
/// EMBEDDING_DIM, a default model file that fails its hash), not on the first request.
/// </summary>
public sealed partial class EmbeddingDimensionCheck(
    NpgsqlDataSource dataSource,
    EmbeddingSettings settings,
    IEmbeddingGenerator<string, Embedding<float>> generator,
    SearchEmbedder embedder,
    ILogger<EmbeddingDimensionCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        int? stored;
        string? otherModel = null;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            stored = await EmbeddingColumn.DimensionAsync(connection, cancellationToken);
            if (stored is not null)
            {
                otherModel = await EmbeddingColumn.OtherModelAsync(connection, embedder.Model, cancellationToken);
            }
        }
        catch (NpgsqlException)
        {
            // An unreachable database is reported by /health/ready; there is nothing to compare yet.
            return;
        }

        if (stored is { } dimension && dimension != settings.Dimension)
        {
            throw new ConfigurationException(EmbeddingColumn.MismatchMessage(dimension, settings.Dimension));
        }

        if (otherModel is not null)
        {
            throw new ConfigurationException(EmbeddingColumn.ModelMismatchMessage(otherModel, embedder.Model));
        }

        var provider = generator.GetService<EmbeddingGeneratorMetadata>();
        LogProvider(logger, provider?.ProviderName, provider?.DefaultModelId, settings.Dimension);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Search embeddings: provider {Provider}, model {Model}, {Dimension} dimensions")]
    private static partial void LogProvider(ILogger logger, string? provider, string? model, int dimension);
}
