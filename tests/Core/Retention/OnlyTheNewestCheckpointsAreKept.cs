using Monolith.Retention;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Retention;

public sealed class OnlyTheNewestCheckpointsAreKept(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private readonly RetentionRows rows = new(fixture);

    [Fact]
    public async Task KeepsTheNewestKPerThreadAndNamespaceWithTheirWrites()
    {
        // Ids compare byte-wise: "1ef-09" < "1ef-10" < "1ef-9" < "1ef-a".
        foreach (var id in new[] { "1ef-09", "1ef-10", "1ef-9", "1ef-a" })
        {
            await rows.CheckpointAsync("thread-1", string.Empty, id, writes: 2);
        }

        await rows.CheckpointAsync("thread-1", "sub", "1ef-01", writes: 1);
        await rows.CheckpointAsync("thread-1", "sub", "1ef-02", writes: 1);
        await rows.CheckpointAsync("thread-1", "sub", "1ef-03", writes: 1);
        await rows.CheckpointAsync("thread-2", string.Empty, "1ef-01");
        await rows.CheckpointAsync("thread-2", string.Empty, "1ef-02", writes: 3);

        var report = await rows.Cleanup(RetentionRows.Settings(keepCheckpoints: 2, batchSize: 1)).RunAsync(new CleanupRequest(), CancellationToken.None);

        Assert.Equal(new CleanupCounts(0, 0, 0, 3, 5), report.Counts);
        Assert.Equal(
            ["thread-1//1ef-9", "thread-1//1ef-a", "thread-1/sub/1ef-02", "thread-1/sub/1ef-03", "thread-2//1ef-01", "thread-2//1ef-02"],
            (await rows.ListAsync("SELECT thread_id || '/' || checkpoint_ns || '/' || checkpoint_id FROM langgraph_checkpoints")).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["thread-1//1ef-9", "thread-1//1ef-a", "thread-1/sub/1ef-02", "thread-1/sub/1ef-03", "thread-2//1ef-02"],
            (await rows.ListAsync("SELECT DISTINCT thread_id || '/' || checkpoint_ns || '/' || checkpoint_id FROM checkpoint_writes")).Order(StringComparer.Ordinal));
    }
}
