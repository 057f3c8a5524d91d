using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Documents;

public sealed class DocumentsAreScopedToTheirUser(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private const long Owner = 7_000_000_201;
    private const long Other = 7_000_000_202;

    [Fact]
    public async Task AnotherUsersDocumentIsNotFoundListedOrDeleted()
    {
        var client = Fixture.Client();
        var id = DocumentsApi.IdOf(await DocumentsApi.AddAsync(client, Owner, "diary.txt", "Private diary about the secret recipe."u8.ToArray()));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/documents/{id}?userId={Other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/documents/{id}/chunks?userId={Other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/documents/{id}?userId={Other}")).StatusCode);
        var others = await client.GetFromJsonAsync<JsonElement>($"/api/documents?userId={Other}");
        Assert.Empty(others.GetProperty("items").EnumerateArray());
        Assert.Empty(await DocumentsApi.SearchAsync(client, Other, "secret recipe", "fulltext"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/documents/{id}?userId={Owner}")).StatusCode);
        Assert.Single(await DocumentsApi.SearchAsync(client, Owner, "secret recipe", "fulltext"));
    }

    [Fact]
    public async Task ListPagesNewestFirst()
    {
        var client = Fixture.Client();
        for (var i = 0; i < 3; i++)
        {
            await DocumentsApi.AddAsync(client, Owner, $"note-{i}.txt", System.Text.Encoding.UTF8.GetBytes($"Note number {i}."));
        }

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/documents?userId={Owner}&limit=2");
        Assert.Equal(["note-2.txt", "note-1.txt"], first.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("fileName").GetString()));
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/documents?userId={Owner}&limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        Assert.Equal(["note-0.txt"], second.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("fileName").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task ListWithoutAUserIsABadRequest()
    {
        using var response = await Fixture.Client().GetAsync("/api/documents");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("userId", out _));
    }
}
