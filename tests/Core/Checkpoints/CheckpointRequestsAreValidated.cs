using System.Net;
using System.Net.Http.Json;
using System.Text;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Checkpoints;

public sealed class CheckpointRequestsAreValidated(MonolithFixture fixture) : IntegrationTest(fixture)
{
    public static TheoryData<string, string> BadPutBodies => new()
    {
        { """{"metadata":{}}""", "checkpoint" },
        { """{"checkpoint":[1,2]}""", "checkpoint" },
        { """{"checkpoint":"text"}""", "checkpoint" },
        { """{"checkpoint":{},"metadata":[]}""", "metadata" },
        { """{"checkpoint":{},"metadata":"x"}""", "metadata" },
        { """{"checkpoint":{},"ns":"a\u0000b"}""", "ns" },
        { """{"checkpoint":{},"parentId":"p\u0007"}""", "parentId" },
        { "{\"checkpoint\":{},\"ns\":\"" + new string('n', 256) + "\"}", "ns" },
        { """{"checkpoint":{"channel_versions":{"a":{"x":1}}}}""", "checkpoint.channel_versions" },
        { """{"checkpoint":{"channel_versions":[1]}}""", "checkpoint.channel_versions" },
        { """{"checkpoint":{"id":"0002"}}""", "checkpoint.id" },
        { """{"checkpoint":{"id":1}}""", "checkpoint.id" },
        { """{"checkpoint":{"channel_versions":{"a\u0000":"1"}}}""", "checkpoint.channel_versions" },
        { "{\"checkpoint\":{\"channel_versions\":{\"" + new string('c', 256) + "\":1}}}", "checkpoint.channel_versions" },
    };

    [Theory]
    [MemberData(nameof(BadPutBodies))]
    public async Task BadPutBodyIs400NamingTheField(string body, string field)
    {
        var response = await Fixture.Client().PutAsync(CheckpointApi.Url("t", "0001"), Json(body));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("""{"checkpoint":{},"ns":5}""")]
    [InlineData("""{"checkpoint":{""")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"checkpoint":{},"parentId":"\ud800"}""")]
    public async Task UnreadableBodyIs400Problem(string body)
    {
        var response = await Fixture.Client().PutAsync(CheckpointApi.Url("t", "0001"), Json(body));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("t%7F", "0001", "threadId")]
    [InlineData("t", "a%01b", "checkpointId")]
    [InlineData("t", "latest", "checkpointId")]
    public async Task BadAddressIs400NamingTheField(string thread, string id, string field)
    {
        var response = await Fixture.Client().PutAsync(new Uri($"/api/threads/{thread}/checkpoints/{id}", UriKind.Relative), Json("""{"checkpoint":{}}"""));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task OverlongThreadIdIs400()
    {
        var response = await Fixture.Client().GetAsync(new Uri($"/api/threads/{new string('t', 256)}/checkpoints/latest", UriKind.Relative));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("threadId", out _));
    }

    [Fact]
    public async Task NulInsideCheckpointJsonIsStoredNotRejected()
    {
        var client = Fixture.Client();
        var response = await client.PutAsync(CheckpointApi.Url("t", "0001"), Json("""{"checkpoint":{"text":"a\u0000b","a\u0000":1}}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0001");
        Assert.Equal("a\uFFFDb", stored.GetProperty("checkpoint").GetProperty("text").GetString());
    }

    [Fact]
    public async Task LoneSurrogateInsideCheckpointJsonIs400NotA500()
    {
        var response = await Fixture.Client().PutAsync(CheckpointApi.Url("t", "0001"), Json("""{"checkpoint":{"text":"\ud800"}}"""));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("metadata=not-json", "metadata")]
    [InlineData("metadata=%5B1%5D", "metadata")]
    [InlineData("metadata=%22text%22", "metadata")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("before=a%00b", "before")]
    [InlineData("ns=%07", "ns")]
    public async Task BadListQueryIs400NamingTheField(string query, string field)
    {
        var response = await Fixture.Client().GetAsync(new Uri("/api/threads/t/checkpoints?" + query, UriKind.Relative));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("cursor=%%%garbage")]
    [InlineData("cursor=eyJub3QiOiJhIGN1cnNvciJ9")]
    [InlineData("limit=lots")]
    [InlineData("cursor=eyJDaGVja3BvaW50SWQiOiJhXHUwMDAwYiJ9")]
    [InlineData("cursor=eyJDaGVja3BvaW50SWQiOiJcdWQ4MDAifQ")]
    public async Task BadPagingIs400Problem(string query)
    {
        var response = await Fixture.Client().GetAsync(new Uri("/api/threads/t/checkpoints?" + query, UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    public static TheoryData<string, string> BadWrites => new()
    {
        { """{"writes":[]}""", "taskId" },
        { """{"taskId":"t"}""", "writes" },
        { """{"taskId":"t","writes":[{"value":1}]}""", "writes[0].channel" },
        { """{"taskId":"t","writes":[{"channel":"c"}]}""", "writes[0].value" },
        { """{"taskId":"t","writes":[null]}""", "writes[0]" },
        { """{"taskId":"a\u0000","writes":[]}""", "taskId" },
        { """{"taskId":"t","taskPath":"a\u0001","writes":[]}""", "taskPath" },
    };

    [Theory]
    [MemberData(nameof(BadWrites))]
    public async Task BadWritesAre400NamingTheField(string body, string field)
    {
        await CheckpointApi.PutOkAsync(Fixture.Client(), "t", "0001");
        var response = await Fixture.Client().PostAsync(new Uri("/api/threads/t/checkpoints/0001/writes", UriKind.Relative), Json(body));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task TooManyWritesAre400()
    {
        var writes = Enumerable.Range(0, 1001).Select(i => new { channel = "c", value = i });
        var response = await Fixture.Client().PostAsJsonAsync(new Uri("/api/threads/t/checkpoints/0001/writes", UriKind.Relative), new { taskId = "t", writes });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task HugeCheckpointIsStoredAndReadBack()
    {
        var client = Fixture.Client();
        var big = new string('x', 2_000_000);
        var response = await client.PutAsJsonAsync(CheckpointApi.Url("t", "0001"), new { checkpoint = new { big } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await CheckpointApi.GetJsonAsync(client, "/api/threads/t/checkpoints/0001");
        Assert.Equal(big.Length, stored.GetProperty("checkpoint").GetProperty("big").GetString()!.Length);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
