using Microsoft.Extensions.Logging.Abstractions;
using Monolith.Mechanic;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>
/// The runner never acts on an index by name alone: a cleanup DROP INDEX from a migration written before derived names
/// were checked is not run (invalid indexes are found through pg_index on the migration's table instead), and a
/// CREATE INDEX IF NOT EXISTS whose name another table's index holds fails instead of counting as done.
/// </summary>
public sealed class IndexStepsTouchOnlyTheirOwnTable : IAsyncLifetime
{
    private const string Drop = "DROP INDEX CONCURRENTLY IF EXISTS ix_search_index_embedding_hnsw;";
    private const string Create = "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_search_index_embedding_hnsw ON search (index_embedding_hnsw);";

    private readonly AuthoringDatabase db = new();

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        await db.ScalarAsync<object>("""
            CREATE TABLE search_index (id int, embedding_hnsw text);
            CREATE INDEX ix_search_index_embedding_hnsw ON search_index (embedding_hnsw);
            CREATE TABLE search (id int, index_embedding_hnsw uuid);
            """);
    }

    public Task DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task AnOldCleanupDropLeavesAnotherTablesIndexAndTheTakenNameFailsTheStep()
    {
        var runner = new MigrationRunner(db.DataSource, NullLogger<MigrationRunner>.Instance);
        MigrationStep[] steps =
        [
            new(MigrationPlanner.SessionPrelude, InTransaction: false, "session"),
            new(Drop, InTransaction: false, "remove ix_search_index_embedding_hnsw if an interrupted earlier attempt left it invalid"),
            new(Create, InTransaction: false, "create index ix_search_index_embedding_hnsw on search concurrently"),
        ];

        var failure = await Assert.ThrowsAsync<MigrationFailedException>(() => runner.ApplyNonTransactionalAsync(steps, "search", CancellationToken.None));

        Assert.Contains("not a valid index on search", failure.Message, StringComparison.Ordinal);
        Assert.Equal("search_index", await db.ScalarAsync<string>("SELECT indrelid::regclass::text FROM pg_index WHERE indexrelid = 'ix_search_index_embedding_hnsw'::regclass AND indisvalid"));
    }

    [Fact]
    public async Task TheDryRunFailsWhenTheNameIsAnotherTablesIndex()
    {
        var runner = new MigrationRunner(db.DataSource, NullLogger<MigrationRunner>.Instance);

        var error = await runner.DryRunAsync([new MigrationStep(Create, InTransaction: false, "create index")], CancellationToken.None);

        Assert.NotNull(error);
        Assert.Contains("not a valid index on search", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIndexOnItsOwnTableIsBuiltAndAnInvalidLeftoverOnlyThereIsDropped()
    {
        var runner = new MigrationRunner(db.DataSource, NullLogger<MigrationRunner>.Instance);
        await db.ScalarAsync<object>("CREATE INDEX ix_search_leftover ON search (id); UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'ix_search_leftover'::regclass");
        await db.ScalarAsync<object>("CREATE INDEX ix_search_index_other ON search_index (id); UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'ix_search_index_other'::regclass");

        await runner.ApplyNonTransactionalAsync(
            [new MigrationStep("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_search_id ON search (id);", InTransaction: false, "create index")], "search", CancellationToken.None);

        Assert.True(await db.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_search_id'::regclass AND indrelid = 'search'::regclass"));
        Assert.Null(await db.ScalarAsync<string>("SELECT to_regclass('ix_search_leftover')::text"));
        Assert.Equal("ix_search_index_other", await db.ScalarAsync<string>("SELECT to_regclass('ix_search_index_other')::text"));
    }
}
