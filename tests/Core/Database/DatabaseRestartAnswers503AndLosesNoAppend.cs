using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Monolith.Tests.Core.Database;

/// <summary>
/// Four clients append to one conversation while the test's own PostgreSQL is killed and restarted: every answer is
/// 201 or 503 problem+json with Retry-After (never 500), every acknowledged append is kept once, and the sequence has
/// no gap and no duplicate.
/// </summary>
public sealed class DatabaseRestartAnswers503AndLosesNoAppend(ITestOutputHelper output)
{
    private const int Clients = 4;

    [Fact]
    public async Task AppendsDuringAnImmediateRestartAre201Or503AndAllAcknowledgedAreKept()
    {
        await using var cluster = await PrivateCluster.StartAsync();
        await using var host = await TestHost.StartAsync(TestHost.Settings(cluster.ConnectionString));
        var client = host.Client();
        var started = await client.PostAsJsonAsync("/api/conversations", new { userId = 1, chatId = 1 });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var conversation = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var bootedAt = await PostmasterStartAsync(cluster);

        var acknowledged = new ConcurrentBag<(string Content, long Sequence)>();
        var unavailable = 0;
        var unexpected = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var appenders = Enumerable.Range(0, Clients).Select(n => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var content = $"client {n} message {i}";
                using var response = await client.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { role = "user", content });
                var body = await response.Content.ReadAsStringAsync();
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Created:
                        acknowledged.Add((content, JsonDocument.Parse(body).RootElement.GetProperty("sequence").GetInt64()));
                        break;
                    case HttpStatusCode.ServiceUnavailable when response.Headers.RetryAfter is not null
                        && response.Content.Headers.ContentType?.MediaType == "application/problem+json":
                        Interlocked.Increment(ref unavailable);
                        break;
                    default:
                        unexpected.Add($"{(int)response.StatusCode} {response.Headers.RetryAfter} {body}");
                        break;
                }
            }
        })).ToList();

        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var beforeRestart = acknowledged.Count;
            await cluster.RestartImmediatelyAsync();
            await Eventually.TrueAsync(() => acknowledged.Count > beforeRestart + 20, 30);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(appenders);
        }

        Assert.True(unexpected.IsEmpty, string.Join("\n", unexpected.Take(5)));
        Assert.NotEqual(bootedAt, await PostmasterStartAsync(cluster));
        var stored = await StoredAsync(cluster, conversation);
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(s => (long)s), stored.Select(m => m.Sequence));
        Assert.Equal(stored.Count, stored.Select(m => m.Content).Distinct().Count());
        var byContent = stored.ToDictionary(m => m.Content, m => m.Sequence);
        foreach (var (content, sequence) in acknowledged)
        {
            Assert.True(byContent.TryGetValue(content, out var kept) && kept == sequence, $"acknowledged '{content}' (sequence {sequence}) was not kept");
        }

        output.WriteLine($"restart under load: {acknowledged.Count} acknowledged, {unavailable} answered 503, {stored.Count} stored");
    }

    private static async Task<DateTime> PostmasterStartAsync(PrivateCluster cluster)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_postmaster_start_time()", connection);
        return (DateTime)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<(string Content, long Sequence)>> StoredAsync(PrivateCluster cluster, Guid conversation)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT content, sequence FROM messages WHERE conversation_id = $1 ORDER BY sequence", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = conversation });
        var rows = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return rows;
    }
}
