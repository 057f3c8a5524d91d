using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Checkpoints;

public sealed class PendingWritesAttachToTheirCheckpoint(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly Uri Writes = new("/api/threads/t/checkpoints/0001/writes", UriKind.Relative);

    [Fact]
    public async Task WritesAreStoredInOrderAndReturnedWithTheCheckpoint()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutOkAsync(client, "t", "0001");
        var response = await client.PostAsJsonAsync(Writes, new
        {
            taskId = "task-1",
            writes = new object[] { new { channel = "__error__", value = (object?)null }, new { channel = "messages", value = (object)new List<string> { "hello" } } },
        });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var checkpoint = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0001");
        var writes = checkpoint.GetProperty("pendingWrites").EnumerateArray().ToList();
        Assert.Equal(2, writes.Count);
        // __error__ has LangGraph's fixed index -1, so it sorts before the task's ordinary writes.
        Assert.Equal(("task-1", -1, "__error__"), (writes[0].GetProperty("taskId").GetString(), writes[0].GetProperty("idx").GetInt32(), writes[0].GetProperty("channel").GetString()));
        Assert.Equal(JsonValueKind.Null, writes[0].GetProperty("value").ValueKind);
        Assert.Equal(("task-1", 1, "messages"), (writes[1].GetProperty("taskId").GetString(), writes[1].GetProperty("idx").GetInt32(), writes[1].GetProperty("channel").GetString()));
        Assert.Equal("hello", writes[1].GetProperty("value")[0].GetString());
        var latest = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/latest");
        Assert.Equal(2, latest.GetProperty("pendingWrites").GetArrayLength());
    }

    [Fact]
    public async Task RetriedWritesKeepTheFirstAndNeverDuplicate()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutOkAsync(client, "t", "0001");
        await client.PostAsJsonAsync(Writes, new { taskId = "task-1", writes = new[] { new { channel = "a", value = 1 }, new { channel = "b", value = 2 } } });
        await client.PostAsJsonAsync(Writes, new { taskId = "task-1", writes = new[] { new { channel = "a", value = 10 } } });
        await client.PostAsJsonAsync(Writes, new { taskId = "task-2", writes = new[] { new { channel = "c", value = 3 } } });
        var writes = (await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0001")).GetProperty("pendingWrites").EnumerateArray()
            .Select(w => $"{w.GetProperty("taskId").GetString()}/{w.GetProperty("idx").GetInt32()}/{w.GetProperty("channel").GetString()}={w.GetProperty("value").GetRawText()}")
            .ToList();
        Assert.Equal(["task-1/0/a=1", "task-1/1/b=2", "task-2/0/c=3"], writes);
    }

    [Fact]
    public async Task ConcurrentIdenticalWritesNeverFail()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutOkAsync(client, "t", "0001");
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            client.PostAsJsonAsync(Writes, new { taskId = "task-1", writes = new[] { new { channel = "a", value = 1 } } })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM checkpoint_writes", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task WritesGoToTheNamespaceInTheBody()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutOkAsync(client, "t", "0001", "sub");
        var response = await client.PostAsJsonAsync(Writes, new { taskId = "task-1", ns = "sub", writes = new[] { new { channel = "a", value = 1 } } });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var checkpoint = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0001?ns=sub");
        Assert.Equal(1, checkpoint.GetProperty("pendingWrites").GetArrayLength());
    }
}
