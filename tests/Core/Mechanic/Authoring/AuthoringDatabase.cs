using Monolith.Mechanic;
using System.Text.Json;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>A scratch database with a schema author on it, applying drafts the way the pipeline does (step by step, on one connection).</summary>
public sealed class AuthoringDatabase : IAsyncLifetime
{
    private TestDatabase? database;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public SchemaCompiler Compiler { get; } = new();

    public SchemaAuthor Author { get; private set; } = null!;

    /// <summary>Generous limits: these tests prove what a draft finds, not how many run at once.</summary>
    public DraftGate Gate { get; } = new(new DraftLimits(8, TimeSpan.FromMinutes(2)), CancellationToken.None);

    public AppliedSchema Applied { get; private set; } = AppliedSchema.Empty;

    public static ChangeRequest Entity(string json) =>
        new("test", "mechanic", JsonDocument.Parse(json).RootElement.Clone(), null);

    public static ChangeRequest Source(string source) => new("test", "mechanic", null, source);

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("monolith_authoring");
        DataSource = NpgsqlDataSource.Create(database.ConnectionString);
        Author = new SchemaAuthor(DataSource, Compiler, SquawkLinter.Locate(RepositoryRoot()), TimeProvider.System, Gate);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        Gate.Dispose();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    public Task<SchemaDraft> DraftAsync(ChangeRequest request) => Author.DraftAsync(request, Applied, CancellationToken.None);

    /// <summary>Drafts, asserts the draft is safe, applies it and makes it the applied schema.</summary>
    public async Task<SchemaDraft> ApplyAsync(ChangeRequest request)
    {
        var draft = await DraftAsync(request);
        Assert.True(draft.IsSafe, string.Join("\n", draft.Findings.Select(f => $"{f.Rule}: {f.Message} (line {f.Line})")) + "\n" + draft.MigrationSql);
        await ApplyAsync(draft);
        return draft;
    }

    public async Task ApplyAsync(SchemaDraft draft)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        foreach (var step in draft.Steps)
        {
            await using var transaction = step.InTransaction ? await connection.BeginTransactionAsync() : null;
            await using (var command = new NpgsqlCommand(step.Sql, connection, transaction))
            {
                await command.ExecuteNonQueryAsync();
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync();
            }
        }

        var sources = new Dictionary<string, string>(Applied.EntitySources)
        {
            [draft.EntityName] = draft.Files.Single(f => f.Path.StartsWith(SchemaAuthor.SchemaFolder, StringComparison.Ordinal)).Content,
        };
        Applied = new AppliedSchema(sources, draft.Snapshot, draft.MigrationId);
    }

    /// <summary>Runs a draft's transactional steps in one transaction that is rolled back, proving the SQL runs on this database.</summary>
    public async Task RunInRolledBackTransactionAsync(SchemaDraft draft)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var step in draft.Steps.Where(s => s.InTransaction))
        {
            await using var command = new NpgsqlCommand(step.Sql, connection, transaction);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.RollbackAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
    }

    public static string RepositoryRoot()
    {
        for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Monolith.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository.");
    }
}
