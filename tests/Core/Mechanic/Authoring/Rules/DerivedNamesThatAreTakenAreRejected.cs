using Monolith.Mechanic;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>
/// Derived names (ix_/fk_/pk_ and table names) are built by concatenation, so two different tables can derive the same
/// name. A change whose derived name another object holds, in the database or in the dynamic schema, is rejected with a
/// finding that names both objects, and the other object is left as it was.
/// </summary>
public sealed class DerivedNamesThatAreTakenAreRejected : IAsyncLifetime
{
    private readonly AuthoringDatabase db = new();

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task AReferenceOnXDoesNotTakeTheIndexOfXYaAndBothTablesKeepTheirIndexes()
    {
        await db.ApplyAsync(AuthoringDatabase.Entity("""{"name":"Ya","table":"x_ya","fields":[{"name":"Z","type":"uuid","references":"Ya"}]}"""));
        await db.ApplyAsync(AuthoringDatabase.Entity("""{"name":"X","table":"x","fields":[{"name":"Title","type":"text"}]}"""));

        var draft = await db.DraftAsync(AuthoringDatabase.Entity("""
            {"name":"X","table":"x","fields":[{"name":"Title","type":"text"},{"name":"YaZ","type":"uuid","references":"X"}]}
            """));

        var finding = Assert.Single(draft.Findings, f => f.Rule == DerivedNameRules.Rule && f.Message.StartsWith("the index", StringComparison.Ordinal));
        Assert.Contains("index ix_x_ya_z on table x ", finding.Message, StringComparison.Ordinal);
        Assert.Contains("index ix_x_ya_z on table x_ya", finding.Message, StringComparison.Ordinal);
        Assert.Contains(draft.Findings, f => f.Rule == DerivedNameRules.Rule && f.Message.Contains("constraint fk_x_ya_z on table x_ya", StringComparison.Ordinal));
        Assert.False(draft.IsSafe);
        Assert.Empty(draft.Steps);
        Assert.Equal("x_ya", await IndexTableAsync("ix_x_ya_z"));
    }

    [Fact]
    public async Task AReferenceOnXYaDoesNotTakeTheIndexOfX()
    {
        await db.ApplyAsync(AuthoringDatabase.Entity("""{"name":"X","table":"x","fields":[{"name":"YaZ","type":"uuid","references":"X"}]}"""));
        await db.ApplyAsync(AuthoringDatabase.Entity("""{"name":"Ya","table":"x_ya","fields":[{"name":"Title","type":"text"}]}"""));

        var draft = await db.DraftAsync(AuthoringDatabase.Entity("""
            {"name":"Ya","table":"x_ya","fields":[{"name":"Title","type":"text"},{"name":"Z","type":"uuid","references":"Ya"}]}
            """));

        Assert.Contains(draft.Findings, f => f.Rule == DerivedNameRules.Rule && f.Message.Contains("index ix_x_ya_z on table x ", StringComparison.Ordinal));
        Assert.False(draft.IsSafe);
        Assert.Equal("x", await IndexTableAsync("ix_x_ya_z"));
    }

    [Fact]
    public async Task ANewTableWhoseReferenceIndexIsTakenIsRejected()
    {
        await db.ApplyAsync(AuthoringDatabase.Entity("""{"name":"Ya","table":"x_ya","fields":[{"name":"Z","type":"uuid","references":"Ya"}]}"""));

        var draft = await db.DraftAsync(AuthoringDatabase.Entity("""{"name":"X","table":"x","fields":[{"name":"YaZ","type":"uuid","references":"X"}]}"""));

        Assert.Contains(draft.Findings, f => f.Rule == DerivedNameRules.Rule && f.Message.Contains("on table x_ya", StringComparison.Ordinal));
        Assert.False(draft.IsSafe);
    }

    [Fact]
    public async Task ANameAnotherEntityDerivesIsRejectedEvenWhenTheDatabaseHasLostIt()
    {
        await db.ApplyAsync(AuthoringDatabase.Entity("""{"name":"Ya","table":"x_ya","fields":[{"name":"Z","type":"uuid","references":"Ya"}]}"""));
        await db.ApplyAsync(AuthoringDatabase.Entity("""{"name":"X","table":"x","fields":[{"name":"Title","type":"text"}]}"""));
        await db.ScalarAsync<object>("DROP INDEX ix_x_ya_z");

        var draft = await db.DraftAsync(AuthoringDatabase.Entity("""
            {"name":"X","table":"x","fields":[{"name":"Title","type":"text"},{"name":"YaZ","type":"uuid","references":"X"}]}
            """));

        Assert.Contains(draft.Findings, f => f.Rule == DerivedNameRules.Rule && f.Message.Contains("index ix_x_ya_z on table x_ya in the dynamic schema", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AForeignKeyNameAnotherTableHoldsIsRejected()
    {
        await db.ScalarAsync<object>("""
            CREATE TABLE owners (id uuid PRIMARY KEY);
            CREATE TABLE telegram_updates (chat uuid CONSTRAINT fk_telegram_updates_chat REFERENCES owners (id));
            """);
        await db.ApplyAsync(AuthoringDatabase.Entity("""{"name":"Telegram","table":"telegram","fields":[{"name":"Title","type":"text"}]}"""));

        var draft = await db.DraftAsync(AuthoringDatabase.Entity("""
            {"name":"Telegram","table":"telegram","fields":[{"name":"Title","type":"text"},{"name":"UpdatesChat","type":"uuid","references":"Telegram"}]}
            """));

        var finding = Assert.Single(draft.Findings, f => f.Rule == DerivedNameRules.Rule);
        Assert.Contains("foreign key fk_telegram_updates_chat on table telegram ", finding.Message, StringComparison.Ordinal);
        Assert.Contains("constraint fk_telegram_updates_chat on table telegram_updates", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APrimaryKeyNameAnotherRelationHoldsIsRejected()
    {
        await db.ScalarAsync<object>("CREATE TABLE ledger_entries (id int); CREATE INDEX pk_ledgers ON ledger_entries (id)");

        var draft = await db.DraftAsync(AuthoringDatabase.Entity("""{"name":"Ledger","fields":[{"name":"Title","type":"text"}]}"""));

        var finding = Assert.Single(draft.Findings, f => f.Rule == DerivedNameRules.Rule);
        Assert.Contains("primary key pk_ledgers on table ledgers", finding.Message, StringComparison.Ordinal);
        Assert.Contains("index pk_ledgers on table ledger_entries", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATableNameASequenceHoldsIsRejected()
    {
        await db.ScalarAsync<object>("CREATE SEQUENCE invoices");

        var draft = await db.DraftAsync(AuthoringDatabase.Entity("""{"name":"Invoice","fields":[{"name":"Title","type":"text"}]}"""));

        var finding = Assert.Single(draft.Findings, f => f.Rule == DerivedNameRules.Rule);
        Assert.Contains("the table invoices this change would create has the same name as the sequence invoices", finding.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT nextval('invoices')"));
    }

    [Fact]
    public async Task AnIndexAnInterruptedAttemptLeftOnTheSameTableIsNotACollision()
    {
        await db.ApplyAsync(AuthoringDatabase.Entity("""{"name":"X","table":"x","fields":[{"name":"Title","type":"text"},{"name":"OwnerId","type":"uuid"}]}"""));
        await db.ScalarAsync<object>("CREATE INDEX ix_x_owner_id ON x (owner_id)");

        var draft = await db.DraftAsync(AuthoringDatabase.Entity("""
            {"name":"X","table":"x","fields":[{"name":"Title","type":"text"},{"name":"OwnerId","type":"uuid","references":"X"}]}
            """));

        Assert.True(draft.IsSafe, string.Join("\n", draft.Findings.Select(f => $"{f.Rule}: {f.Message}")));
    }

    private Task<string?> IndexTableAsync(string index) =>
        db.ScalarAsync<string>($"SELECT indrelid::regclass::text FROM pg_index WHERE indexrelid = '{index}'::regclass AND indisvalid");
}
