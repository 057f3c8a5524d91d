using System.Text.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Checkpoints;

public sealed class CheckpointListPagesNewestFirst(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task CursorWalksEveryCheckpointOnceNewestFirst()
    {
        var client = Fixture.Client();
        for (var i = 1; i <= 7; i++)
        {
            await CheckpointApi.PutOkAsync(client, "t", $"{i:0000}");
        }

        await CheckpointApi.PutOkAsync(client, "t", "9999", "other-ns");
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints?ns=&limit=3" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(CheckpointApi.Ids(page));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(["0007", "0006", "0005", "0004", "0003", "0002", "0001"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task BeforeAndLimitSelectOlderCheckpoints()
    {
        var client = Fixture.Client();
        for (var i = 1; i <= 5; i++)
        {
            await CheckpointApi.PutOkAsync(client, "t", $"{i:0000}");
        }

        var page = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints?before=0004&limit=2");
        Assert.Equal(["0003", "0002"], CheckpointApi.Ids(page));
        var next = page.GetProperty("nextCursor").GetString();
        var rest = await CheckpointApi.GetJsonAsync(client, $"/api/threads/t/checkpoints?before=0004&limit=2&cursor={next}");
        Assert.Equal(["0001"], CheckpointApi.Ids(rest));
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task MetadataFilterKeepsCheckpointsWhoseMetadataContainsIt()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutOkAsync(client, "t", "0001", metadata: new { source = "input", step = -1 });
        await CheckpointApi.PutOkAsync(client, "t", "0002", metadata: new { source = "loop", step = 0, writes = new { agent = new { done = true } } });
        await CheckpointApi.PutOkAsync(client, "t", "0003", metadata: new { source = "loop", step = 1 });

        Assert.Equal(["0003", "0002"], await FilterAsync(client, """{"source":"loop"}"""));
        Assert.Equal(["0002"], await FilterAsync(client, """{"source":"loop","writes":{"agent":{"done":true}}}"""));
        Assert.Equal(["0001"], await FilterAsync(client, """{"step":-1}"""));
        Assert.Empty(await FilterAsync(client, """{"source":"update"}"""));
        Assert.Equal(["0003", "0002", "0001"], await FilterAsync(client, "{}"));
    }

    [Fact]
    public async Task PendingWritesComeWithListedCheckpoints()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutOkAsync(client, "t", "0001");
        await client.PostAsync(new Uri("/api/threads/t/checkpoints/0001/writes", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { taskId = "task", writes = new[] { new { channel = "messages", value = (object)"hi" } } }));
        var page = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints");
        var writes = page.GetProperty("items")[0].GetProperty("pendingWrites");
        Assert.Equal("messages", writes[0].GetProperty("channel").GetString());
    }

    private static async Task<List<string>> FilterAsync(HttpClient client, string filter) =>
        CheckpointApi.Ids(await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints?metadata=" + Uri.EscapeDataString(filter)));
}
