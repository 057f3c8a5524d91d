using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Search;

/// <summary>
/// Embeds the rows of search_index that wait without an embedding (the outbox), oldest due first, and backs off per
/// row when the provider fails. Rows are claimed with a lease, so several instances share the work and a crash
/// only delays a row until its lease runs out; a row whose content changed meanwhile is left for the next round.
/// </summary>
public sealed partial class EmbeddingWorker(NpgsqlDataSource dataSource, SearchEmbedder embedder, ILogger<EmbeddingWorker> logger) : BackgroundService
{
    public const int BatchSize = 32;

    public static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private const string ClaimSql = """
        UPDATE search_index SET embed_after = now() + $2
        WHERE id IN (
            SELECT id FROM search_index WHERE embedding IS NULL AND embed_after <= now()
            ORDER BY embed_after LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, content, xmin, embed_attempts
        """;

    private const string FailSql = """
        UPDATE search_index SET embed_attempts = $3, embed_after = now() + $4, embed_error = $5
        WHERE id = $1 AND xmin = $2
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int embedded;
            try
            {
                embedded = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                LogDatabaseFailed(logger, e.Message);
                embedded = 0;
            }

            if (embedded == 0)
            {
                try
                {
                    await Task.Delay(IdlePoll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims and embeds one batch of due rows; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        try
        {
            await StoreAsync(claimed, await embedder.EmbedPassagesAsync([.. claimed.Select(c => c.Content)], cancellationToken), cancellationToken);
            return claimed.Count;
        }
        catch (EmbeddingFailedException e) when (claimed.Count == 1)
        {
            await FailAsync(claimed[0], e.Message, cancellationToken);
            return claimed.Count;
        }
        catch (EmbeddingFailedException e)
        {
            LogBatchFailed(logger, claimed.Count, e.Message);
        }

        // One bad document must not hold back the rest of its batch: embed one by one, each failure backing off alone.
        foreach (var row in claimed)
        {
            try
            {
                await StoreAsync([row], await embedder.EmbedPassagesAsync([row.Content], cancellationToken), cancellationToken);
            }
            catch (EmbeddingFailedException e)
            {
                await FailAsync(row, e.Message, cancellationToken);
            }
        }

        return claimed.Count;
    }

    private async Task<List<ClaimedRow>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
        command.Parameters.Add(new NpgsqlParameter { Value = Lease });
        var rows = new List<ClaimedRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ClaimedRow(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<uint>(2), reader.GetInt32(3)));
        }

        return rows;
    }

    private async Task StoreAsync(IReadOnlyList<ClaimedRow> rows, IReadOnlyList<float[]> vectors, CancellationToken cancellationToken)
    {
        // A batch without an explicit transaction runs as one implicit transaction.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await SearchIndexer.StoreEmbeddingsAsync(
            [.. rows.Select(r => (r.Id, r.Version))], vectors, embedder.Model, [.. rows.Select(r => LexicalVector.Of(r.Content))], connection, null, cancellationToken);
    }

    private async Task FailAsync(ClaimedRow row, string error, CancellationToken cancellationToken)
    {
        var attempts = row.Attempts + 1;
        var retryIn = EmbeddingBackoff.After(attempts);
        LogRowFailed(logger, row.Id, attempts, retryIn, error);
        await using var command = dataSource.CreateCommand(FailSql);
        command.Parameters.Add(new NpgsqlParameter { Value = row.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = row.Version, NpgsqlDbType = NpgsqlDbType.Xid });
        command.Parameters.Add(new NpgsqlParameter { Value = attempts });
        command.Parameters.Add(new NpgsqlParameter { Value = retryIn });
        command.Parameters.Add(new NpgsqlParameter { Value = error.Length > 1000 ? error[..1000] : error });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record ClaimedRow(Guid Id, string Content, uint Version, int Attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding worker cannot reach the database: {Error}")]
    private static partial void LogDatabaseFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding a batch of {Count} failed, trying one by one: {Error}")]
    private static partial void LogBatchFailed(ILogger logger, int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding search document {Id} failed (attempt {Attempts}), next try in {RetryIn}: {Error}")]
    private static partial void LogRowFailed(ILogger logger, Guid id, int attempts, TimeSpan retryIn, string error);
}
