using System.Net;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.DynamicEntities;

public sealed class UnknownAndRetiredEntitiesAreNotServed(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly EntityShape Fossils = new("Fossil", "ret_fossils", [new("Name", "name", FieldType.Text)], Retired: true);

    [Theory]
    [InlineData("GET", "/api/entities/no_such_table")]
    [InlineData("GET", "/api/entities/no_such_table/7d8a1b3c-0000-0000-0000-000000000000")]
    [InlineData("DELETE", "/api/entities/no_such_table/7d8a1b3c-0000-0000-0000-000000000000")]
    [InlineData("GET", "/api/entities/audit_log")]
    [InlineData("GET", "/api/entities/%22%3B%20DROP%20TABLE%20audit_log%3B%20--")]
    public async Task UnknownTableIs404Problem(string method, string url)
    {
        var response = await Fixture.Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)));
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RetiredEntityIs410Problem()
    {
        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, Fossils);
        var client = Fixture.Client();
        await (await client.GetAsync(new Uri("/api/entities/ret_fossils", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Gone);
        await (await client.PostAsync(Fossils.Table, new { createdBy = 1L, name = "T-Rex" })).AssertProblemAsync(HttpStatusCode.Gone);
    }
}
