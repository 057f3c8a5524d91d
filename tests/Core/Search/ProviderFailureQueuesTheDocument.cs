using System.Net;
using System.Net.Http.Json;
using Monolith.Search;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Search;

/// <summary>A service on its own database whose embedding provider is the fake OpenAI-compatible server.</summary>
public sealed class ProviderFailureQueuesTheDocument : IAsyncLifetime
{
    private FakeEmbeddingServer server = null!;
    private TestDatabase database = null!;
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        server = await FakeEmbeddingServer.StartAsync(32);
        database = await TestDatabase.CreateAsync("monolith_search_outbox");
        var settings = TestHost.Settings(database.ConnectionString);
        settings["EMBEDDING_PROVIDER"] = "openai";
        settings["OPENAI_BASE_URL"] = server.BaseUrl.ToString();
        settings["OPENAI_API_KEY"] = "test-openai-key";
        settings["EMBEDDING_MODEL"] = "fake-embedder";
        settings["EMBEDDING_DIM"] = "32";
        host = await TestHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task QueuedWhileTheProviderIsDownThenEmbeddedAndSearchable()
    {
        var client = host.Client();
        var id = Guid.NewGuid();
        server.FailWith = 500;

        using (var response = await SearchApi.PutAsync(client, "note", id, 1, "the spare key is under the blue flowerpot"))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal("queued", (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetString());
        }

        // Not lost: full text finds it at once; semantic search needs the provider and says so.
        Assert.Equal(id, SearchApi.IdOf(Assert.Single(await SearchApi.SearchAsync(client, 1, "spare key flowerpot", "fulltext"))));
        using (var unavailable = await client.PostAsJsonAsync("/api/search", new { userId = 1, query = "spare key", mode = "semantic" }))
        {
            await unavailable.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        }

        server.FailWith = null;
        var hits = await EventuallyAsync(async () => await SearchApi.SearchAsync(client, 1, "where is the spare key", "semantic"), h => h.Count == 1);
        Assert.Equal(id, SearchApi.IdOf(hits[0]));
        Assert.Equal((0, (string?)null), await PendingStateAsync(id));
    }

    [Fact]
    public async Task EnqueueCommitsWithTheCallersTransactionAndTheWorkerEmbedsIt()
    {
        var kept = Guid.NewGuid();
        var rolledBack = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await SearchIndexer.EnqueueAsync(new IndexedDocument("task", rolledBack, 1, "water the tomatoes"), connection, transaction, CancellationToken.None);
            }

            await using (var transaction = await connection.BeginTransactionAsync())
            {
                Assert.True(await SearchIndexer.EnqueueAsync(new IndexedDocument("task", kept, 1, "water the cucumbers", """{"due":"today"}"""), connection, transaction, CancellationToken.None));
                await transaction.CommitAsync();
            }
        }

        var hits = await EventuallyAsync(async () => await SearchApi.SearchAsync(host.Client(), 1, "water the garden", "semantic"), h => h.Count == 1);
        Assert.Equal(kept, SearchApi.IdOf(hits[0]));
        Assert.Equal("today", hits[0].GetProperty("metadata").GetProperty("due").GetString());
    }

    [Fact]
    public async Task AFailedRowBacksOffAndRecordsTheError()
    {
        var id = Guid.NewGuid();
        server.FailWith = 500;
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await SearchIndexer.EnqueueAsync(new IndexedDocument("task", id, 1, "buy stamps"), connection, null, CancellationToken.None);
        }

        var (attempts, error) = await EventuallyAsync(() => PendingStateAsync(id), s => s.Attempts > 0);
        Assert.Contains("500", error, StringComparison.Ordinal);
        await using var check = new NpgsqlConnection(database.ConnectionString);
        await check.OpenAsync();
        await using var due = new NpgsqlCommand("SELECT embed_after > now() + interval '2 seconds' FROM search_index WHERE entity_id = $1", check);
        due.Parameters.Add(new NpgsqlParameter { Value = id });
        Assert.True((bool)(await due.ExecuteScalarAsync())!);
        Assert.Equal(1, attempts);
    }

    private async Task<(int Attempts, string? Error)> PendingStateAsync(Guid entityId)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT embed_attempts, embed_error FROM search_index WHERE entity_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = entityId });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(250);
        }
    }
}
