using Monolith.Mechanic;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Mechanic;

public sealed class ChangeRequestsAreValidated(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly Uri Changes = new("/api/admin/mechanic/changes", UriKind.Relative);

    public static TheoryData<string, string> BadRequests => new()
    {
        { """{"actor":"a","entity":{"name":"X"}}""", "instruction" },
        { """{"instruction":"","actor":"a","entity":{"name":"X"}}""", "instruction" },
        { """{"instruction":"why","entity":{"name":"X"}}""", "actor" },
        { $$$"""{"instruction":"why","actor":"{{{new string('a', 101)}}}","entity":{"name":"X"}}""", "actor" },
        { """{"instruction":"why","actor":"a"}""", "entity" },
        { """{"instruction":"why","actor":"a","entity":{"name":"X"},"source":"public class X : DynamicEntity {}"}""", "entity" },
        { """{"instruction":"why","actor":"a","entity":[1,2]}""", "entity" },
        { $$"""{"instruction":"why","actor":"a","source":"{{new string('x', 65 * 1024)}}"}""", "source" },
        { $$$"""{"instruction":"{{{new string('i', 4001)}}}","actor":"a","entity":{"name":"X"}}""", "instruction" },
        { """{"instruction":"why","actor":"agent\nMonolith-Migration: 20260101000000_create_bees","entity":{"name":"X"}}""", "actor" },
        { """{"instruction":"why","actor":"agent\r","entity":{"name":"X"}}""", "actor" },
        { """{"instruction":"why","actor":"agent\u001b[2J","entity":{"name":"X"}}""", "actor" },
        { """{"instruction":"why\u0000","actor":"a","entity":{"name":"X"}}""", "instruction" },
        { """{"instruction":"add \u202Eevil","actor":"a","entity":{"name":"X"}}""", "instruction" },
        { """{"instruction":"why","actor":"agent\u2066x\u2069","entity":{"name":"X"}}""", "actor" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task StructurallyBadRequestIs400NamingTheField(string json, string field)
    {
        var response = await Fixture.AdminClient().PostAsync(Changes, new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task MalformedJsonIs400()
    {
        var response = await Fixture.AdminClient().PostAsync(Changes, new StringContent("{\"instruction\": ", Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ServiceKeyIs403OnEveryMechanicRoute()
    {
        var client = Fixture.Client(TestKeys.Service);
        await (await client.PostAsJsonAsync(Changes, new { instruction = "why", actor = "a", source = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync(Changes)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync(new Uri("/api/admin/schema", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsync(new Uri($"/api/admin/mechanic/changes/{Guid.NewGuid()}/approve", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UnknownChangeIs404()
    {
        var client = Fixture.AdminClient();
        await (await client.GetAsync(new Uri($"/api/admin/mechanic/changes/{Guid.NewGuid()}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync(new Uri($"/api/admin/mechanic/changes/{Guid.NewGuid()}/approve", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync(new Uri($"/api/admin/mechanic/changes/{Guid.NewGuid()}/reject", UriKind.Relative), new { reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadListFiltersAndRejectWithoutReasonAre400()
    {
        var client = Fixture.AdminClient();
        await (await client.GetAsync(new Uri("/api/admin/mechanic/changes?status=done", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync(new Uri("/api/admin/mechanic/changes?limit=0", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync(new Uri("/api/admin/mechanic/changes?cursor=garbage", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync(new Uri($"/api/admin/mechanic/changes/{Guid.NewGuid()}/reject", UriKind.Relative), new { reason = "" })).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task EmptyListAndEmptySchemaAnswer200()
    {
        var client = Fixture.AdminClient();
        var list = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(Changes);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        var schema = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/admin/schema", UriKind.Relative));
        Assert.Equal(0, schema.GetProperty("version").GetInt64());
    }
}
