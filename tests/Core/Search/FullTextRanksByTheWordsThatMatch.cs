using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Search;

/// <summary>A plain question is matched by any of its content words, and documents with more of them rank first.</summary>
public sealed class FullTextRanksByTheWordsThatMatch(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task ANaturalQuestionFindsTheDocumentsSharingItsWords()
    {
        var client = Fixture.Client();
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 5, "My car is a red Toyota");
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 5, "The red car of my neighbour is a Toyota too, and his car is loud");
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 5, "I have a cat");
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 5, "Користувач вивчає японську мову");

        var cars = await SearchApi.SearchAsync(client, 5, "what car do I have?", mode: "fulltext");
        var language = await SearchApi.SearchAsync(client, 5, "яку мову вивчає користувач?", mode: "fulltext");

        Assert.Equal(2, cars.Count);
        Assert.All(cars, h => Assert.Contains("car", SearchApi.ContentOf(h), StringComparison.Ordinal));
        Assert.Equal("Користувач вивчає японську мову", SearchApi.ContentOf(Assert.Single(language)));
    }

    [Fact]
    public async Task MoreMatchingWordsRankHigher()
    {
        var client = Fixture.Client();
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 6, "the garden needs water");
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 6, "the garden behind the house needs water and a new fence");

        var hits = await SearchApi.SearchAsync(client, 6, "garden house fence", mode: "fulltext");

        Assert.Equal("the garden behind the house needs water and a new fence", SearchApi.ContentOf(hits[0]));
        Assert.True(SearchApi.ScoreOf(hits[0]) > SearchApi.ScoreOf(hits[1]));
    }

    [Fact]
    public async Task SearchSyntaxKeepsEveryWordRequired()
    {
        var client = Fixture.Client();
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 8, "red apples");
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 8, "green apples");

        Assert.Equal("red apples", SearchApi.ContentOf(Assert.Single(await SearchApi.SearchAsync(client, 8, "apples -green", mode: "fulltext"))));
        Assert.Equal("red apples", SearchApi.ContentOf(Assert.Single(await SearchApi.SearchAsync(client, 8, "\"red apples\"", mode: "fulltext"))));
    }
}
