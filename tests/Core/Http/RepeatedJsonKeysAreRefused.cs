using System.Net;
using System.Text;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Http;

/// <summary>A JSON body that repeats a key, at any depth, is a 400 naming the key instead of last-wins.</summary>
public sealed class RepeatedJsonKeysAreRefused(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("POST", "/api/conversations", """{"userId":1,"chatId":1,"userId":2}""", "userId")]
    [InlineData("POST", "/api/conversations", """{"userId":1,"chatId":1,"metadata":{"k":1,"k":2}}""", "k")]
    [InlineData("POST", "/api/conversations", """{"userId":1,"chatId":1,"metadata":{"a":{"deep":1,"deep":2}}}""", "deep")]
    [InlineData("PUT", "/api/search/documents", """{"entityType":"n","entityId":"7d4b2a9e-0000-4000-8000-000000000001","userId":1,"content":"x","content":"y"}""", "content")]
    [InlineData("POST", "/api/search", """{"userId":1,"query":"a","query":"b"}""", "query")]
    public async Task RepeatedKeyIs400NamingTheKey(string method, string route, string body, string key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await Fixture.Client().SendAsync(request);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"'{key}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedKeyChangesNothing()
    {
        using var response = await Fixture.Client().PostAsync(
            new Uri("/api/conversations", UriKind.Relative), new StringContent("""{"userId":1,"chatId":1,"userId":2}""", Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        await using var connection = new Npgsql.NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM conversations", connection);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }
}
