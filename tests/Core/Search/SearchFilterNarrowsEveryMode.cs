using Microsoft.Extensions.DependencyInjection;
using Monolith.Search;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Search;

public sealed class SearchFilterNarrowsEveryMode(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private readonly Guid inChat = Guid.NewGuid();
    private readonly Guid current = Guid.NewGuid();
    private readonly Guid otherChat = Guid.NewGuid();

    [Theory]
    [InlineData(SemanticScan.Exact)]
    [InlineData(SemanticScan.Index)]
    [InlineData(SemanticScan.Auto)]
    public async Task MetadataContainmentAndExclusionHoldForSemanticScans(SemanticScan scan)
    {
        await IndexAsync();
        var search = Fixture.Host.Services.GetRequiredService<DocumentSearch>();
        var query = await Fixture.Host.Services.GetRequiredService<SearchEmbedder>().EmbedQueryAsync("gift for grandmother", CancellationToken.None);

        var hits = await search.SemanticAsync(1, query, 10, Filter(), scan, CancellationToken.None);

        Assert.Equal(inChat, Assert.Single(hits).EntityId);
    }

    [Fact]
    public async Task MetadataContainmentAndExclusionHoldForFullTextAndHybrid()
    {
        await IndexAsync();
        var search = Fixture.Host.Services.GetRequiredService<DocumentSearch>();

        Assert.Equal(inChat, Assert.Single(await search.FullTextAsync(1, "gift grandmother", 10, Filter(), CancellationToken.None)).EntityId);
        Assert.Equal(inChat, Assert.Single(await search.HybridAsync(1, "gift grandmother", 10, Filter(), CancellationToken.None)).EntityId);
        Assert.Equal(3, (await search.HybridAsync(1, "gift grandmother", 10, default(SearchFilter), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task TheSimilarityFloorDropsSemanticNeighboursButNotWordMatches()
    {
        await IndexAsync();
        var search = Fixture.Host.Services.GetRequiredService<DocumentSearch>();
        var embedder = Fixture.Host.Services.GetRequiredService<SearchEmbedder>();
        var floor = new SearchFilter(MinSimilarity: 0.99);

        Assert.NotEmpty(await search.SemanticAsync(1, await embedder.EmbedQueryAsync("volcano", CancellationToken.None), 10, default(SearchFilter), SemanticScan.Exact, CancellationToken.None));
        Assert.Empty(await search.SemanticAsync(1, await embedder.EmbedQueryAsync("volcano", CancellationToken.None), 10, floor, SemanticScan.Exact, CancellationToken.None));
        // Nothing is 0.99-similar to the query, yet the documents that contain its words are still found by full text.
        Assert.Equal(3, (await search.HybridAsync(1, "grandmother", 10, floor, CancellationToken.None)).Count);
    }

    private SearchFilter Filter() => new(["message"], """{"chatId": 10}""", current);

    private async Task IndexAsync()
    {
        var client = Fixture.Client();
        await SearchApi.IndexAsync(client, "message", inChat, 1, "a gift for grandmother: a scarf", new { chatId = 10, sequence = 1 });
        await SearchApi.IndexAsync(client, "message", current, 1, "what gift for grandmother?", new { chatId = 10, sequence = 2 });
        await SearchApi.IndexAsync(client, "message", otherChat, 1, "gift for grandmother", new { chatId = 11, sequence = 1 });
    }
}
