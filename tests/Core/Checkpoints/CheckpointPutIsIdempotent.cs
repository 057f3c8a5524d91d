using System.Net;
using System.Net.Http.Json;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Checkpoints;

public sealed class CheckpointPutIsIdempotent(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly object Body = new { parentId = "0001", checkpoint = new { v = 1, channel_values = new { messages = new[] { "hi" } } }, metadata = new { source = "loop", step = 1 } };

    [Fact]
    public async Task FirstPutIs201AndRepeatIs200WithOneRow()
    {
        var client = Fixture.Client();
        var first = await CheckpointApi.PutAsync(client, "t1", "0002", Body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.NotNull(first.Headers.Location);
        var second = await CheckpointApi.PutAsync(client, "t1", "0002", Body);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var stored = await second.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("0001", stored.GetProperty("parentId").GetString());
        Assert.Equal("loop", stored.GetProperty("metadata").GetProperty("source").GetString());
        Assert.Equal(1, await CountAsync("t1"));
    }

    [Fact]
    public async Task SameContentInAnotherKeyOrderIsStillTheSame()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutAsync(client, "t1", "0002", Body);
        var reordered = new { metadata = new { step = 1, source = "loop" }, checkpoint = new { channel_values = new { messages = new[] { "hi" } }, v = 1 }, parentId = "0001" };
        var again = await CheckpointApi.PutAsync(client, "t1", "0002", reordered);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task DifferentContentUnderTheSameIdOverwritesAndKeepsItsWrites()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutAsync(client, "t1", "0002", Body);
        await client.PostAsJsonAsync(new Uri("/api/threads/t1/checkpoints/0002/writes", UriKind.Relative), new { taskId = "task", writes = new[] { new { channel = "a", value = 1 } } });
        var changed = await CheckpointApi.PutAsync(client, "t1", "0002", new { parentId = "0000", checkpoint = new { v = 2 }, metadata = new { source = "update", step = 1 } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var stored = await CheckpointApi.GetJsonAsync(client, "/api/threads/t1/checkpoints/0002");
        Assert.Equal(2, stored.GetProperty("checkpoint").GetProperty("v").GetInt32());
        Assert.Equal("0000", stored.GetProperty("parentId").GetString());
        Assert.Equal("update", stored.GetProperty("metadata").GetProperty("source").GetString());
        Assert.Equal(1, stored.GetProperty("pendingWrites").GetArrayLength());
        Assert.Equal(1, await CountAsync("t1"));
    }

    [Fact]
    public async Task ConcurrentIdenticalPutsStoreOneRowAndNeverFail()
    {
        var client = Fixture.Client();
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => CheckpointApi.PutAsync(client, "race", "0001", Body)));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await CountAsync("race"));
    }

    [Fact]
    public async Task NsDefaultsToEmptyAndSeparatesCheckpoints()
    {
        var client = Fixture.Client();
        Assert.Equal(HttpStatusCode.Created, (await CheckpointApi.PutAsync(client, "t1", "0001", new { checkpoint = new { v = 1 } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CheckpointApi.PutAsync(client, "t1", "0001", new { ns = "child", checkpoint = new { v = 2 } })).StatusCode);
        var root = await CheckpointApi.GetJsonAsync(client, "/api/threads/t1/checkpoints/0001");
        Assert.Equal(string.Empty, root.GetProperty("ns").GetString());
        Assert.Equal(1, root.GetProperty("checkpoint").GetProperty("v").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, root.GetProperty("metadata").ValueKind);
        var child = await CheckpointApi.GetJsonAsync(client, "/api/threads/t1/checkpoints/0001?ns=child");
        Assert.Equal(2, child.GetProperty("checkpoint").GetProperty("v").GetInt32());
        Assert.Equal(2, await CountAsync("t1"));
    }

    [Fact]
    public async Task UnknownCheckpointIs404Problem()
    {
        var response = await Fixture.Client().GetAsync(CheckpointApi.Url("nobody", "0001"));
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<long> CountAsync(string thread)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM langgraph_checkpoints WHERE thread_id = $1", connection) { Parameters = { new() { Value = thread } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
