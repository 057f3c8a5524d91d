using System.Net;
using Monolith.Checkpoints;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Checkpoints;

public sealed class ThreadIdsWithSlashesAreDistinct(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task OverASocketUserSlash42AndItsEncodedFormAreTwoThreads()
    {
        await using var host = await LoopbackHost.StartAsync(TestHost.Settings(Fixture.ConnectionString));
        var client = host.Client();
        Assert.Equal(HttpStatusCode.Created, (await CheckpointApi.PutAsync(client, "user/42", "0001", new { checkpoint = new { v = "slash" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CheckpointApi.PutAsync(client, "user%2F42", "0001", new { checkpoint = new { v = "encoded" } })).StatusCode);

        var slash = await CheckpointApi.GetJsonAsync(client, "/api/threads/user%2F42/checkpoints/0001");
        Assert.Equal(("user/42", "slash"), (slash.GetProperty("threadId").GetString(), slash.GetProperty("checkpoint").GetProperty("v").GetString()));
        var encoded = await CheckpointApi.GetJsonAsync(client, "/api/threads/user%252F42/checkpoints/latest");
        Assert.Equal(("user%2F42", "encoded"), (encoded.GetProperty("threadId").GetString(), encoded.GetProperty("checkpoint").GetProperty("v").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri("/api/threads/user%2F42", UriKind.Relative))).StatusCode);
        await CheckpointApi.GetJsonAsync(client, "/api/threads/user%252F42/checkpoints/latest");
    }

    [Theory]
    [InlineData("/api/threads/user%2F42/checkpoints/0001", "user/42")]
    [InlineData("/api/threads/user%252F42/checkpoints?ns=a", "user%2F42")]
    [InlineData("/api/admin/threads/a%20b", "a b")]
    [InlineData("/api/checkpoints?threadId=x", null)]
    public void TheThreadIdIsTheRawSegmentDecodedOnce(string target, string? threadId) =>
        Assert.Equal(threadId, RawThreadId.FromTarget(target));
}
