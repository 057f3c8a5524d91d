using System.Net;
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

    [Fact]
    public async Task WrongMethodIs405Problem()
    {
        var response = await Fixture.AdminClient().DeleteAsync(new Uri("/api/admin/audit", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }
}
