using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Checkpoints;

public sealed class SpecialWritesReplaceOrdinaryWritesKeepTheFirst(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly Uri Writes = new("/api/threads/t/checkpoints/0001/writes", UriKind.Relative);

    [Theory]
    [InlineData("__error__", -1)]
    [InlineData("__scheduled__", -2)]
    [InlineData("__interrupt__", -3)]
    [InlineData("__resume__", -4)]
    public async Task ASpecialChannelHasItsFixedIndexAndTheLatestValue(string channel, int idx)
    {
        var client = Fixture.Client();
        await CheckpointApi.PutOkAsync(client, "t", "0001");
        await client.PostAsJsonAsync(Writes, new { taskId = "task", writes = new[] { new { channel, value = "first" } } });
        await client.PostAsJsonAsync(Writes, new { taskId = "task", writes = new[] { new { channel = "other", value = "x" }, new { channel, value = "second" } } });
        var writes = await WritesAsync(client);
        Assert.Equal([$"task/{idx}/{channel}=\"second\"", "task/0/other=\"x\""], writes);
    }

    [Fact]
    public async Task AnOrdinaryWriteRetriedWithAnotherValueKeepsTheFirst()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutOkAsync(client, "t", "0001");
        await client.PostAsJsonAsync(Writes, new { taskId = "task", writes = new[] { new { channel = "a", value = 1 } } });
        await client.PostAsJsonAsync(Writes, new { taskId = "task", writes = new[] { new { channel = "a", value = 2 }, new { channel = "b", value = 3 } } });
        Assert.Equal(["task/0/a=1", "task/1/b=3"], await WritesAsync(client));
    }

    [Fact]
    public async Task WritesComeInTaskPathThenTaskIdThenIndexOrder()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutOkAsync(client, "t", "0001");
        await client.PostAsJsonAsync(Writes, new { taskId = "a-task", taskPath = "~2", writes = new[] { new { channel = "c", value = 1 } } });
        await client.PostAsJsonAsync(Writes, new { taskId = "z-task", taskPath = "~1", writes = new[] { new { channel = "c", value = 2 }, new { channel = "d", value = 3 } } });
        await client.PostAsJsonAsync(Writes, new { taskId = "input", writes = new[] { new { channel = "c", value = 0 } } });
        Assert.Equal(["input/0/c=0", "z-task/0/c=2", "z-task/1/d=3", "a-task/0/c=1"], await WritesAsync(client));
    }

    private static async Task<List<string>> WritesAsync(HttpClient client) =>
        [.. (await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0001")).GetProperty("pendingWrites").EnumerateArray()
            .Select(w => $"{w.GetProperty("taskId").GetString()}/{w.GetProperty("idx").GetInt32()}/{w.GetProperty("channel").GetString()}={w.GetProperty("value").GetRawText()}")];
}
