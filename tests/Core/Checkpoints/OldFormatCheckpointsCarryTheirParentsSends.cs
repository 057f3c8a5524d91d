using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Checkpoints;

public sealed class OldFormatCheckpointsCarryTheirParentsSends(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task AVersion1CheckpointListsTheSendsItsParentsTasksWrote()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutAsync(client, "t", "0001", new { checkpoint = new { v = 1 } });
        await client.PostAsJsonAsync(new Uri("/api/threads/t/checkpoints/0001/writes", UriKind.Relative),
            new { taskId = "task-2", writes = new[] { new { channel = "__pregel_tasks", value = "send-3" } } });
        await client.PostAsJsonAsync(new Uri("/api/threads/t/checkpoints/0001/writes", UriKind.Relative),
            new { taskId = "task-1", writes = new[] { new { channel = "__pregel_tasks", value = "send-1" }, new { channel = "other", value = "x" }, new { channel = "__pregel_tasks", value = "send-2" } } });
        await CheckpointApi.PutAsync(client, "t", "0002", new { parentId = "0001", checkpoint = new { v = 1 } });
        await CheckpointApi.PutAsync(client, "t", "0003", new { parentId = "0002", checkpoint = new { v = 4 } });

        var old = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0002");
        Assert.Equal(["send-1", "send-2", "send-3"], old.GetProperty("pendingSends").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal(JsonValueKind.Null, (await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0001")).GetProperty("pendingSends").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0003")).GetProperty("pendingSends").ValueKind);
    }

    [Fact]
    public async Task TheListFindsOneCheckpointIdInEveryNamespace()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutOkAsync(client, "t", "0001");
        await CheckpointApi.PutOkAsync(client, "t", "0001", "sub");
        await CheckpointApi.PutOkAsync(client, "t", "0002");
        var page = await CheckpointApi.GetJsonAsync(client, "/api/checkpoints?threadId=t&checkpointId=0001");
        Assert.Equal(["sub", ""], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("ns").GetString()!));
    }
}
