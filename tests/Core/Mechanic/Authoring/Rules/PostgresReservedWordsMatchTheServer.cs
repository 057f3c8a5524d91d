using Monolith.Mechanic;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>The built-in reserved-word list covers every reserved key word of the running PostgreSQL.</summary>
public sealed class PostgresReservedWordsMatchTheServer : IAsyncLifetime
{
    private readonly AuthoringDatabase db = new();

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task EveryReservedKeywordOfTheServerIsInTheList()
    {
        var words = await db.ScalarAsync<string[]>("SELECT array_agg(word) FROM pg_get_keywords() WHERE catcode IN ('R', 'T')");

        Assert.NotNull(words);
        Assert.DoesNotContain(words, w => !PostgresReservedWords.Contains(w));
    }
}
