using System.Net;
using System.Net.Http.Json;
using System.Text;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Search;

public sealed class SearchRequestsAreValidated(MonolithFixture fixture) : IntegrationTest(fixture)
{
    public static TheoryData<string, string> BadSearches => new()
    {
        { """{"query":"x"}""", "userId" },
        { """{"userId":0,"query":"x"}""", "userId" },
        { """{"userId":1}""", "query" },
        { """{"userId":1,"query":"   "}""", "query" },
        { $$"""{"userId":1,"query":"{{new string('q', 1001)}}"}""", "query" },
        { """{"userId":1,"query":"x","limit":0}""", "limit" },
        { """{"userId":1,"query":"x","limit":101}""", "limit" },
        { """{"userId":1,"query":"x","mode":"vector"}""", "mode" },
        { """{"userId":1,"query":"x","minScore":1.5}""", "minScore" },
        { """{"userId":1,"query":"x","minScore":-0.1}""", "minScore" },
        { $$"""{"userId":1,"query":"x","entityTypes":[{{string.Join(',', Enumerable.Repeat("\"t\"", 21))}}]}""", "entityTypes" },
        { $$"""{"userId":1,"query":"x","entityTypes":["{{new string('t', 51)}}"]}""", "entityTypes[0]" },
        { """{"userId":1,"query":"x","entityTypes":["a/b"]}""", "entityTypes[0]" },
    };

    public static TheoryData<string, string> BadDocuments => new()
    {
        { """{"entityId":"7d4b2a9e-0000-4000-8000-000000000001","userId":1,"content":"x"}""", "entityType" },
        { """{"entityType":"a/b","entityId":"7d4b2a9e-0000-4000-8000-000000000001","userId":1,"content":"x"}""", "entityType" },
        { """{"entityType":"note","userId":1,"content":"x"}""", "entityId" },
        { """{"entityType":"note","entityId":"00000000-0000-0000-0000-000000000000","userId":1,"content":"x"}""", "entityId" },
        { """{"entityType":"note","entityId":"7d4b2a9e-0000-4000-8000-000000000001","userId":-4,"content":"x"}""", "userId" },
        { """{"entityType":"note","entityId":"7d4b2a9e-0000-4000-8000-000000000001","userId":1,"content":""}""", "content" },
        { """{"entityType":"note","entityId":"7d4b2a9e-0000-4000-8000-000000000001","userId":1,"content":"x","metadata":[1]}""", "metadata" },
    };

    [Theory]
    [MemberData(nameof(BadSearches))]
    public async Task BadSearchIs400NamingTheField(string body, string field)
    {
        using var response = await Fixture.Client().PostAsync(new Uri("/api/search", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task BadDocumentIs400NamingTheField(string body, string field)
    {
        using var response = await Fixture.Client().PutAsync(new Uri("/api/search/documents", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Theory]
    [InlineData("{}", "documents")]
    [InlineData("""{"documents":null}""", "documents")]
    [InlineData("""{"documents":[]}""", "documents")]
    [InlineData("""{"documents":[null]}""", "documents[0]")]
    [InlineData("""{"documents":[{}]}""", "documents[0].entityType")]
    public async Task MissingOrEmptyBatchIs400NamingTheField(string body, string field)
    {
        using var response = await Fixture.Client().PutAsync(new Uri("/api/search/documents/batch", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task OversizedOrDuplicateBatchIs400()
    {
        var documents = Enumerable.Range(0, 101).Select(_ => new { entityType = "n", entityId = Guid.NewGuid(), userId = 1, content = "x" }).ToList();
        using var tooMany = await Fixture.Client().PutAsJsonAsync("/api/search/documents/batch", new { documents });
        await tooMany.AssertProblemAsync(HttpStatusCode.BadRequest);

        var id = Guid.NewGuid();
        using var duplicate = await Fixture.Client().PutAsJsonAsync("/api/search/documents/batch", new
        {
            documents = new[] { new { entityType = "n", entityId = id, userId = 1, content = "x" }, new { entityType = "n", entityId = id, userId = 1, content = "y" } },
        });
        await duplicate.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task NulInContentIsStoredNotA500()
    {
        var client = Fixture.Client();
        Assert.Equal(HttpStatusCode.Created, await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 1, "nul\u0000inside", new { k = "v\u0000" }));
    }
}
