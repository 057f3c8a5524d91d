using Monolith.Retention;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Retention;

public sealed class OrphanWritesAndUnreferencedValuesAreRemoved(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private readonly RetentionRows rows = new(fixture);

    [Fact]
    public async Task WritesWhoseCheckpointNeverCameGoAfterTheGracePeriodOnly()
    {
        await rows.CheckpointAsync("t", string.Empty, "0001", writes: 1);
        await rows.ScalarAsync("""
            INSERT INTO checkpoint_writes (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, value, created_at) VALUES
                ('t', '', 'never', 'old', 0, 'c', '1', now() - interval '2 hours'),
                ('t', '', 'soon', 'recent', 0, 'c', '1', now() - interval '5 minutes'),
                ('t', '', '0001', 'attached', 0, 'c', '1', now() - interval '2 hours')
            """);
        var dry = await rows.Cleanup(RetentionRows.Settings(keepCheckpoints: 5)).RunAsync(new CleanupRequest(DryRun: true), CancellationToken.None);
        Assert.Equal(1, dry.Counts.CheckpointWrites);

        var report = await rows.Cleanup(RetentionRows.Settings(keepCheckpoints: 5)).RunAsync(new CleanupRequest(), CancellationToken.None);

        Assert.Equal(new CleanupCounts(0, 0, 0, 0, 1), report.Counts);
        Assert.Equal(["attached", "recent", "task"], (await rows.ListAsync("SELECT task_id FROM checkpoint_writes")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ValuesNoKeptCheckpointNamesAreDeleted()
    {
        await rows.ScalarAsync("""
            INSERT INTO langgraph_checkpoints (thread_id, checkpoint_ns, checkpoint_id, checkpoint) VALUES
                ('t', '', '0001', '{"channel_versions":{"m":"1","k":"1"}}'),
                ('t', '', '0002', '{"channel_versions":{"m":"2","k":"1"}}'),
                ('t', 'sub', '0001', '{"channel_versions":{"m":"1"}}');
            INSERT INTO checkpoint_blobs (thread_id, checkpoint_ns, channel, version, value) VALUES
                ('t', '', 'm', '1', '"a"'), ('t', '', 'm', '2', '"b"'), ('t', '', 'k', '1', '1'), ('t', 'sub', 'm', '1', '"s"'), ('gone', '', 'm', '1', '"x"');
            """);

        await rows.Cleanup(RetentionRows.Settings(keepCheckpoints: 1)).RunAsync(new CleanupRequest(), CancellationToken.None);

        Assert.Equal(["t//k@1", "t//m@2", "t/sub/m@1"],
            (await rows.ListAsync("SELECT thread_id || '/' || checkpoint_ns || '/' || channel || '@' || version FROM checkpoint_blobs")).Order(StringComparer.Ordinal));
    }
}
