using System.Text.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Checkpoints;

public sealed class ListSpansNamespacesAndThreads(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task WithoutNsTheThreadListHasEveryNamespace()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutOkAsync(client, "t", "0001");
        await CheckpointApi.PutOkAsync(client, "t", "0002", "sub:1");
        await CheckpointApi.PutOkAsync(client, "t", "0003");
        await CheckpointApi.PutOkAsync(client, "u", "0004");
        var all = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints");
        Assert.Equal(["0003", "0002", "0001"], CheckpointApi.Ids(all));
        Assert.Equal("sub:1", all.GetProperty("items")[1].GetProperty("ns").GetString());
        Assert.Equal(["0003", "0001"], CheckpointApi.Ids(await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints?ns=")));
        Assert.Equal(["0002"], CheckpointApi.Ids(await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints?ns=sub%3A1")));
    }

    [Fact]
    public async Task TheCrossThreadListFiltersByMetadataBeforeAndLimit()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutOkAsync(client, "a", "0001", metadata: new { source = "loop", user = "x" });
        await CheckpointApi.PutOkAsync(client, "b", "0002", metadata: new { source = "loop", user = "y" });
        await CheckpointApi.PutOkAsync(client, "c", "0003", "sub", metadata: new { source = "loop", user = "x" });
        await CheckpointApi.PutOkAsync(client, "a", "0004", metadata: new { source = "input", user = "x" });

        Assert.Equal(["0004", "0003", "0002", "0001"], CheckpointApi.Ids(await CheckpointApi.GetJsonAsync(client, "/api/checkpoints")));
        Assert.Equal(["0003", "0001"], CheckpointApi.Ids(await CheckpointApi.GetJsonAsync(client, "/api/checkpoints?metadata=" + Uri.EscapeDataString("""{"source":"loop","user":"x"}"""))));
        Assert.Equal(["0002", "0001"], CheckpointApi.Ids(await CheckpointApi.GetJsonAsync(client, "/api/checkpoints?before=0003&limit=5")));
        Assert.Equal(["0004", "0001"], CheckpointApi.Ids(await CheckpointApi.GetJsonAsync(client, "/api/checkpoints?threadId=a")));
        Assert.Equal(["0003"], CheckpointApi.Ids(await CheckpointApi.GetJsonAsync(client, "/api/checkpoints?ns=sub")));
    }

    [Fact]
    public async Task TheCursorWalksEqualIdsOfDifferentThreadsOnce()
    {
        var client = Fixture.Client();
        foreach (var thread in new[] { "a", "b", "c" })
        {
            await CheckpointApi.PutOkAsync(client, thread, "0001");
            await CheckpointApi.PutOkAsync(client, thread, "0001", "sub");
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await CheckpointApi.GetJsonAsync(client, "/api/checkpoints?limit=4" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("threadId").GetString()}/{i.GetProperty("ns").GetString()}"));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(["c/sub", "c/", "b/sub", "b/", "a/sub", "a/"], seen);
    }
}
