using Microsoft.Extensions.Hosting;
using Monolith.Configuration;
using Monolith.Search.Embeddings;
using Npgsql;

namespace Monolith.Search;

/// <summary>Stops the service at start-up when EMBEDDING_DIM differs from the dimension of the stored embeddings.</summary>
public sealed class EmbeddingDimensionCheck(NpgsqlDataSource dataSource, EmbeddingSettings settings) : IHostedService
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
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
