using System.Net;
using System.Net.Http.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Checkpoints;

public sealed class WritesMayArriveBeforeTheirCheckpoint(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task EarlyWritesAreStoredAndBelongToTheCheckpointWhenItLands()
    {
        var client = Fixture.Client();
        var early = await client.PostAsJsonAsync(new Uri("/api/threads/t/checkpoints/0001/writes", UriKind.Relative),
            new { taskId = "task-1", taskPath = "~__pregel_pull, agent", writes = new[] { new { channel = "messages", value = "hi" } } });
        Assert.Equal(HttpStatusCode.NoContent, early.StatusCode);
        await (await client.GetAsync(CheckpointApi.Url("t", "0001"))).AssertProblemAsync(HttpStatusCode.NotFound);

        var put = await CheckpointApi.PutAsync(client, "t", "0001", new { checkpoint = new { v = 4 } });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var answered = await put.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("hi", answered.GetProperty("pendingWrites")[0].GetProperty("value").GetString());

        var stored = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0001");
        var write = Assert.Single(stored.GetProperty("pendingWrites").EnumerateArray());
        Assert.Equal(("task-1", "messages", "~__pregel_pull, agent"), (write.GetProperty("taskId").GetString(), write.GetProperty("channel").GetString(), write.GetProperty("taskPath").GetString()));
    }

    [Fact]
    public async Task WritesOfAnotherNamespaceDoNotAttach()
    {
        var client = Fixture.Client();
        await client.PostAsJsonAsync(new Uri("/api/threads/t/checkpoints/0001/writes", UriKind.Relative),
            new { taskId = "task-1", ns = "sub", writes = new[] { new { channel = "a", value = 1 } } });
        await CheckpointApi.PutOkAsync(client, "t", "0001");
        var root = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0001");
        Assert.Equal(0, root.GetProperty("pendingWrites").GetArrayLength());
    }
}
