using System.Net;
using System.Net.Http.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Checkpoints;

public sealed class AdminDeletesAThreadWithAudit(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly Uri DeleteT = new("/api/admin/threads/t", UriKind.Relative);

    [Fact]
    public async Task DeletesEveryCheckpointAndWriteOfTheThreadOnly()
    {
        var client = Fixture.Client();
        await CheckpointApi.PutOkAsync(client, "t", "0001");
        await CheckpointApi.PutOkAsync(client, "t", "0002", "sub");
        await CheckpointApi.PutOkAsync(client, "other", "0001");
        await client.PostAsJsonAsync(new Uri("/api/threads/t/checkpoints/0001/writes", UriKind.Relative),
            new { taskId = "task", writes = new[] { new { channel = "a", value = 1 } } });

        var response = await Fixture.AdminClient().DeleteAsync(DeleteT);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await client.GetAsync(new Uri("/api/threads/t/checkpoints/latest", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(new Uri("/api/threads/t/checkpoints/latest?ns=sub", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        await CheckpointApi.GetJsonAsync(client, "/api/threads/other/checkpoints/latest");

        var audit = await CheckpointApi.GetJsonAsync(Fixture.AdminClient(), "/api/admin/audit?action=thread_delete");
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal("admin", entry.GetProperty("actor").GetString());
        var details = entry.GetProperty("details");
        Assert.Equal(("t", 2, 1), (details.GetProperty("threadId").GetString(), details.GetProperty("checkpoints").GetInt32(), details.GetProperty("writes").GetInt32()));
    }

    [Fact]
    public async Task UnknownThreadIs404AndNotAudited()
    {
        var response = await Fixture.AdminClient().DeleteAsync(DeleteT);
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        var audit = await CheckpointApi.GetJsonAsync(Fixture.AdminClient(), "/api/admin/audit?action=thread_delete");
        Assert.Empty(audit.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ServiceKeyIs403AndDeletesNothing()
    {
        await CheckpointApi.PutOkAsync(Fixture.Client(), "t", "0001");
        var response = await Fixture.Client().DeleteAsync(DeleteT);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        var latest = await CheckpointApi.GetJsonAsync(Fixture.Client(), "/api/threads/t/checkpoints/latest");
        Assert.Equal("0001", latest.GetProperty("checkpointId").GetString());
    }

    [Fact]
    public async Task ConcurrentWritesAndDeletionNeverFail()
    {
        var client = Fixture.Client();
        for (var i = 0; i < 5; i++)
        {
            await CheckpointApi.PutOkAsync(client, "t", $"{i:0000}");
        }

        var writes = Enumerable.Range(0, 20).Select(i => client.PostAsJsonAsync(
            new Uri($"/api/threads/t/checkpoints/{i % 5:0000}/writes", UriKind.Relative), new { taskId = $"task-{i}", writes = new[] { new { channel = "a", value = i } } }));
        var delete = Fixture.AdminClient().DeleteAsync(DeleteT);
        var responses = await Task.WhenAll(writes.Append(delete));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.NoContent, r.StatusCode.ToString()));
        // A write that lands after the deletion waits for a checkpoint that will not come; retention removes it (OrphanWritesAreRemovedAfterTheGracePeriod).
        await (await client.GetAsync(new Uri("/api/threads/t/checkpoints/latest", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
