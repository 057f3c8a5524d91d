using System.Net;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Checkpoints;

public sealed class ServiceKeyDeletesAThread(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task DeletesCheckpointsValuesAndWritesAndAuditsTheService()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutAsync(client, "t", "0001", new { checkpoint = new { channel_values = new { x = 1 }, channel_versions = new { x = "1" } } });
        await CheckpointApi.PutOkAsync(client, "keep", "0001");
        var response = await client.DeleteAsync(new Uri("/api/threads/t", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await client.GetAsync(CheckpointApi.Url("t", "0001"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await CheckpointApi.GetJsonAsync(client, "/api/threads/keep/checkpoints/latest");

        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var blobs = new NpgsqlCommand("SELECT count(*) FROM checkpoint_blobs WHERE thread_id = 't'", connection);
        Assert.Equal(0L, await blobs.ExecuteScalarAsync());
        var audit = await CheckpointApi.GetJsonAsync(Fixture.AdminClient(), "/api/admin/audit?action=thread_delete");
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal("service", entry.GetProperty("actor").GetString());
        Assert.Equal(1, entry.GetProperty("details").GetProperty("channelValues").GetInt32());
    }

    [Fact]
    public async Task UnknownThreadIs404()
    {
        var response = await Fixture.Client().DeleteAsync(new Uri("/api/threads/nobody", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
