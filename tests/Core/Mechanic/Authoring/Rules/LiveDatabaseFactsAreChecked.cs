using Monolith.Mechanic;
namespace Monolith.Tests.Core.Mechanic;

/// <summary>Where the live database disagrees with the applied schema, the draft says so instead of failing at apply time.</summary>
public sealed class LiveDatabaseFactsAreChecked : IAsyncLifetime
{
    private readonly AuthoringDatabase db = new();

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task ANewEntityWhoseTableAlreadyExistsInTheDatabaseIsRejected()
    {
        await db.ScalarAsync<object>("CREATE TABLE villains (id int)");

        var draft = await db.DraftAsync(AuthoringDatabase.Entity("""{"name":"Villain","fields":[]}"""));

        Assert.Contains(draft.Findings, f => f.Rule == "table-exists");
        Assert.False(draft.IsSafe);
    }

    [Fact]
    public async Task ChangingATableTheDatabaseNoLongerHasIsRejected()
    {
        await db.ApplyAsync(AuthoringDatabase.Entity("""{"name":"Villain","fields":[]}"""));
        await db.ScalarAsync<object>("DROP TABLE villains");

        var draft = await db.DraftAsync(AuthoringDatabase.Entity("""{"name":"Villain","fields":[{"name":"Age","type":"int"}]}"""));

        Assert.Contains(draft.Findings, f => f.Rule == "table-missing");
    }
}
