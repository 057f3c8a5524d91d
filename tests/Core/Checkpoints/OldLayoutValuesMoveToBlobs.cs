using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Checkpoints;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Checkpoints;

public sealed class OldLayoutValuesMoveToBlobs
{
    private const string BeforeBlobs = "20261122222747_CheckpointIdsSortByteWise";

    [Fact]
    public async Task InlineValuesWithVersionsMoveAndReadsReturnTheSameCheckpoints()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(TestHost.Settings(database.ConnectionString));
        await MigrateAsync(host, BeforeBlobs);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var seed = new NpgsqlCommand("""
            INSERT INTO langgraph_checkpoints (thread_id, checkpoint_ns, checkpoint_id, checkpoint) VALUES
                ('t', '', '0001', '{"v":4,"channel_values":{"m":["a"],"k":1},"channel_versions":{"m":1,"k":1}}'),
                ('t', '', '0002', '{"v":4,"channel_values":{"m":["a","b"],"k":1},"channel_versions":{"m":2,"k":1}}'),
                ('t', '', '0003', '{"v":4,"channel_values":{"m":["fork"],"k":1},"channel_versions":{"m":2,"k":1}}'),
                ('t', '', '0004', '{"v":1,"channel_values":{"free":true}}');
            INSERT INTO checkpoint_writes (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, value) VALUES ('t', '', '0001', 'task', 0, 'm', '"w"');
            """, connection))
        {
            await seed.ExecuteNonQueryAsync();
        }

        await MigrateAsync(host, null);

        var store = host.Services.GetRequiredService<CheckpointStore>();
        Assert.Equal("""{"k": 1, "m": ["a"]}""", await ValuesAsync(store, "0001"));
        Assert.Equal("""{"k": 1, "m": ["a", "b"]}""", await ValuesAsync(store, "0002"));
        Assert.Equal("""{"k": 1, "m": ["fork"]}""", await ValuesAsync(store, "0003"));
        Assert.Equal("""{"free": true}""", await ValuesAsync(store, "0004"));
        Assert.Equal(string.Empty, Assert.Single((await store.FindAsync("t", "", "0001", CancellationToken.None))!.PendingWrites).TaskPath);
        // m@2 differs between 0002 and 0003 (a fork that reused the version), so both keep it inline; the rest moved.
        await using var blobs = new NpgsqlCommand("SELECT string_agg(channel || '@' || version, ',' ORDER BY channel, version) FROM checkpoint_blobs", connection);
        Assert.Equal("k@1,m@1", await blobs.ExecuteScalarAsync());

        await MigrateAsync(host, BeforeBlobs);
        await using var inline = new NpgsqlCommand("SELECT (checkpoint->'channel_values')::text FROM langgraph_checkpoints WHERE checkpoint_id = '0002'", connection);
        Assert.Equal("""{"k": 1, "m": ["a", "b"]}""", await inline.ExecuteScalarAsync());
    }

    private static async Task<string> ValuesAsync(CheckpointStore store, string id) =>
        (await store.FindAsync("t", "", id, CancellationToken.None))!.Checkpoint.GetProperty("channel_values").GetRawText();

    private static async Task MigrateAsync(TestHost host, string? target)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CheckpointsDbContext>();
        if (target is null)
        {
            await context.Database.MigrateAsync();
        }
        else
        {
            await context.GetService<IMigrator>().MigrateAsync(target);
        }
    }
}
