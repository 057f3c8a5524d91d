using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Search;

public sealed class SearchIsScopedToOneUser(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("semantic")]
    [InlineData("fulltext")]
    [InlineData("hybrid")]
    public async Task AnotherUsersNearerDocumentNeverAppears(string mode)
    {
        var client = Fixture.Client();
        var mine = Guid.NewGuid();
        var theirs = Guid.NewGuid();
        await SearchApi.IndexAsync(client, "note", mine, 1, "Shopping list: apples, bread and a gift for grandmother");
        // Word for word the query: it would rank first if user 2's rows could leak into user 1's results.
        await SearchApi.IndexAsync(client, "note", theirs, 2, "gift for grandmother");

        var hits = await SearchApi.SearchAsync(client, 1, "gift for grandmother", mode);

        Assert.Equal(mine, SearchApi.IdOf(Assert.Single(hits)));
    }

    [Fact]
    public async Task AUserWithNoDocumentsGetsAnEmptyList()
    {
        var client = Fixture.Client();
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 1, "a private note");
        Assert.Empty(await SearchApi.SearchAsync(client, 3, "a private note", "hybrid"));
    }

    [Fact]
    public async Task EntityTypesNarrowTheResults()
    {
        var client = Fixture.Client();
        var task = Guid.NewGuid();
        await SearchApi.IndexAsync(client, "task", task, 1, "call the plumber about the kitchen tap");
        await SearchApi.IndexAsync(client, "message", Guid.NewGuid(), 1, "the plumber said the kitchen tap is fixed");

        var hits = await SearchApi.SearchAsync(client, 1, "plumber kitchen tap", "semantic", entityTypes: ["task"]);

        Assert.Equal(task, SearchApi.IdOf(Assert.Single(hits)));
    }
}
