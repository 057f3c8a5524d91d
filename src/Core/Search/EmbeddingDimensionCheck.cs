using Microsoft.Extensions.AI;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monolith.Configuration;
using Npgsql;

namespace Monolith.Search;

/// <summary>
/// Stops the service at start-up when EMBEDDING_DIM differs from the dimension of the stored embeddings. Taking the
/// generator makes the provider load now (an ONNX model whose width is not EMBEDDING_DIM), not on the first request.
/// </summary>
public sealed partial class EmbeddingDimensionCheck(
    NpgsqlDataSource dataSource,
    EmbeddingSettings settings,
    IEmbeddingGenerator<string, Embedding<float>> generator,
    ILogger<EmbeddingDimensionCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        int? stored;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            stored = await EmbeddingColumn.DimensionAsync(connection, cancellationToken);
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

        var provider = generator.GetService<EmbeddingGeneratorMetadata>();
        LogProvider(logger, provider?.ProviderName, provider?.DefaultModelId, settings.Dimension);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Search embeddings: provider {Provider}, model {Model}, {Dimension} dimensions")]
    private static partial void LogProvider(ILogger logger, string? provider, string? model, int dimension);
}
