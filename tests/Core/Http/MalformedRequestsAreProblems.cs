using System.Net;
using System.Text;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Http;

public sealed class MalformedRequestsAreProblems(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("/api/admin/audit?since=not-a-date")]
    [InlineData("/api/admin/audit?limit=lots")]
    [InlineData("/api/admin/audit?limit=0")]
    [InlineData("/api/admin/audit?limit=201")]
    [InlineData("/api/admin/audit?cursor=%%%garbage")]
    [InlineData("/api/admin/audit?cursor=eyJub3QiOiJhIGN1cnNvciJ9")]
    public async Task BadQueryIs400Problem(string url)
    {
        var response = await Fixture.AdminClient().GetAsync(new Uri(url, UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"userId":1,"chatId":""")]
    [InlineData("""{"userId":"one","chatId":1}""")]
    [InlineData("""{"userId":1,"chatId":true}""")]
    [InlineData("""{"userId":1,"chatId":1,"title":42}""")]
    [InlineData("")]
    [InlineData("""[{"userId":1,"chatId":1}]""")]
    [InlineData("""{"userId":99999999999999999999999,"chatId":1}""")]
    [InlineData("""{"userId":1e300,"chatId":1}""")]
    [InlineData("""{"userId":1.5,"chatId":1}""")]
    [InlineData("null")]
    [InlineData("not json at all")]
    public async Task BadConversationBodyIs400Problem(string body)
    {
        var response = await Fixture.Client().PostAsync(new Uri("/api/conversations", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"role":"user","content":""")]
    [InlineData("""{"role":["user"],"content":"hi"}""")]
    [InlineData("""{"role":"user","content":{"text":"hi"}}""")]
    [InlineData("")]
    [InlineData("""["user","hi"]""")]
    public async Task BadMessageBodyIs400Problem(string body)
    {
        var response = await Fixture.Client().PostAsync(
            new Uri($"/api/conversations/{Guid.NewGuid()}/messages", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task WrongMethodIs405Problem()
    {
        var response = await Fixture.AdminClient().DeleteAsync(new Uri("/api/admin/audit", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }
}
