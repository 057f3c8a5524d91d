using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Search;

/// <summary>Hybrid scores are the weighted meaning, word forms and full text of each hit, not a rank-only fusion.</summary>
public sealed class HybridScoresEveryHitOnItsOwn(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task WithoutAnyFullTextMatchTheScoresStillDiffer()
    {
        var client = Fixture.Client();
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 3, "gardening tomatoes in the greenhouse");
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 3, "a garden party on Sunday");
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 3, "quarterly tax report");

        Assert.Empty(await SearchApi.SearchAsync(client, 3, "gardens", mode: "fulltext", minScore: 0.5));
        var hits = await SearchApi.SearchAsync(client, 3, "gardener", mode: "hybrid");

        var scores = hits.Select(SearchApi.ScoreOf).ToList();
        Assert.Equal(scores.Count, scores.Distinct().Count());
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.DoesNotContain("tax", SearchApi.ContentOf(hits[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MinScoreLeavesOutWeakHits()
    {
        var client = Fixture.Client();
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 4, "my cat is called Murka");
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 4, "quarterly tax report");

        var all = await SearchApi.SearchAsync(client, 4, "cat Murka", mode: "hybrid");
        var strong = await SearchApi.SearchAsync(client, 4, "cat Murka", mode: "hybrid", minScore: 0.4);

        Assert.Equal(2, all.Count);
        Assert.Equal("my cat is called Murka", SearchApi.ContentOf(Assert.Single(strong)));
        Assert.All(strong, h => Assert.True(SearchApi.ScoreOf(h) >= 0.4));
        Assert.Empty(await SearchApi.SearchAsync(client, 4, "cat Murka", mode: "semantic", minScore: 0.99));
    }
}
