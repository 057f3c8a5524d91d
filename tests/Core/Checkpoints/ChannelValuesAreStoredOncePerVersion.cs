using System.Text.Json;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Checkpoints;

public sealed class ChannelValuesAreStoredOncePerVersion(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly string[] First = ["a"];
    private static readonly string[] Second = ["a", "b"];

    [Fact]
    public async Task ACheckpointStoresOnlyTheChannelsItSendsAndReadsReassembleTheRest()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutAsync(client, "t", "0001", new
        {
            checkpoint = new { v = 4, channel_values = new { messages = First, topic = "cats" }, channel_versions = new { messages = "1.5", topic = 1 } },
        });
        await CheckpointApi.PutAsync(client, "t", "0002", new
        {
            parentId = "0001",
            checkpoint = new { v = 4, channel_values = new { messages = Second }, channel_versions = new { messages = "2.7", topic = 1, gone = "3" } },
        });

        var second = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0002");
        var values = second.GetProperty("checkpoint").GetProperty("channel_values");
        Assert.Equal("""["a","b"]""", values.GetProperty("messages").GetRawText());
        Assert.Equal("cats", values.GetProperty("topic").GetString());
        Assert.False(values.TryGetProperty("gone", out _));
        var first = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0001");
        Assert.Equal("""["a"]""", first.GetProperty("checkpoint").GetProperty("channel_values").GetProperty("messages").GetRawText());

        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var blobs = new NpgsqlCommand("SELECT string_agg(channel || '@' || version, ',' ORDER BY channel, version) FROM checkpoint_blobs WHERE thread_id = 't'", connection);
        Assert.Equal("messages@1.5,messages@2.7,topic@1", await blobs.ExecuteScalarAsync());
        await using var rows = new NpgsqlCommand("SELECT count(*) FROM langgraph_checkpoints WHERE thread_id = 't' AND checkpoint ? 'channel_values'", connection);
        Assert.Equal(0L, await rows.ExecuteScalarAsync());
    }

    [Fact]
    public async Task TheCheckpointsOwnIdIsKeptOnceInTheKeyAndReadBack()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutAsync(client, "t", "0001", new { checkpoint = new { v = 4, id = "0001", ts = "2026-01-01T00:00:00Z" } });
        var stored = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0001");
        Assert.Equal("0001", stored.GetProperty("checkpoint").GetProperty("id").GetString());
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var row = new NpgsqlCommand("SELECT checkpoint ? 'id' FROM langgraph_checkpoints WHERE thread_id = 't'", connection);
        Assert.Equal(false, await row.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ValuesWithoutAVersionStayInTheCheckpoint()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutAsync(client, "t", "0001", new { checkpoint = new { v = 1, channel_values = new { note = "kept" } } });
        var stored = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0001");
        Assert.Equal("kept", stored.GetProperty("checkpoint").GetProperty("channel_values").GetProperty("note").GetString());
        Assert.Equal(JsonValueKind.Undefined, stored.GetProperty("checkpoint").TryGetProperty("channel_versions", out var versions) ? versions.ValueKind : JsonValueKind.Undefined);
    }

    [Fact]
    public async Task AnotherNamespaceDoesNotShareValues()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutAsync(client, "t", "0001", new { checkpoint = new { channel_values = new { x = 1 }, channel_versions = new { x = "1" } } });
        await CheckpointApi.PutAsync(client, "t", "0002", new { ns = "sub", checkpoint = new { channel_values = new { }, channel_versions = new { x = "1" } } });
        var sub = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0002?ns=sub");
        Assert.False(sub.GetProperty("checkpoint").GetProperty("channel_values").TryGetProperty("x", out _));
    }
}
