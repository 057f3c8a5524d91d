using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Search;

public sealed class UpsertReplacesTheDocument(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task SecondPutUpdatesTheSameRowAndItsEmbedding()
    {
        var client = Fixture.Client();
        var id = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, await SearchApi.IndexAsync(client, "note", id, 1, "the red bicycle is in the garage", new { color = "red" }));
        Assert.Equal(HttpStatusCode.OK, await SearchApi.IndexAsync(client, "note", id, 1, "the violin lessons start on monday", new { color = "none" }));

        var hit = Assert.Single(await SearchApi.SearchAsync(client, 1, "violin lessons"));
        Assert.Equal("the violin lessons start on monday", SearchApi.ContentOf(hit));
        Assert.Equal("none", hit.GetProperty("metadata").GetProperty("color").GetString());
        Assert.Empty(await SearchApi.SearchAsync(client, 1, "bicycle garage", "fulltext"));

        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM search_index WHERE embedding IS NOT NULL", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task PutAnswersWhatItDid()
    {
        var client = Fixture.Client();
        var id = Guid.NewGuid();
        using var response = await SearchApi.PutAsync(client, "note", id, 1, "first words");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("indexed", body.GetProperty("status").GetString());
        Assert.Equal(id, body.GetProperty("entityId").GetGuid());
    }

    [Fact]
    public async Task AnotherUsersDocumentIsNotTakenOver()
    {
        var client = Fixture.Client();
        var id = Guid.NewGuid();
        await SearchApi.IndexAsync(client, "note", id, 1, "owned by one");
        using var response = await SearchApi.PutAsync(client, "note", id, 2, "taken by two");
        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("owned by one", SearchApi.ContentOf(Assert.Single(await SearchApi.SearchAsync(client, 1, "owned by one"))));
    }

    [Fact]
    public async Task BatchIndexesEveryDocumentInOneCall()
    {
        var client = Fixture.Client();
        var documents = Enumerable.Range(0, 30).Select(i => new { entityType = "fact", entityId = Guid.NewGuid(), userId = 5L, content = $"fact number {i} about penguins" }).ToList();
        using var response = await client.PutAsJsonAsync("/api/search/documents/batch", new { documents });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(30, body.GetProperty("items").GetArrayLength());
        Assert.Equal(30, (await SearchApi.SearchAsync(client, 5, "penguins", "fulltext", limit: 100)).Count);
    }
}
