using LibGit2Sharp;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Mechanic;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>A scratch database, a real git repository in a temp folder and a real host configured for both.</summary>
public sealed class MechanicEnvironment : IAsyncDisposable
{
    private readonly List<TestDatabase> databases = [];

    private MechanicEnvironment(string root, TestDatabase database, TestHost host, IDictionary<string, string?> settings)
    {
        Root = root;
        databases.Add(database);
        Host = host;
        Settings = settings;
    }

    public string Root { get; }

    public string RepositoryPath => Path.Combine(Root, "repo");

    public string BackupDirectory => Path.Combine(Root, "backups");

    public TestHost Host { get; private set; }

    public IDictionary<string, string?> Settings { get; }

    public string ConnectionString => databases[^1].ConnectionString;

    public static async Task<MechanicEnvironment> StartAsync(Action<IDictionary<string, string?>>? configure = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "monolith-mechanic-" + Guid.NewGuid().ToString("N")[..12]);
        var repository = Path.Combine(root, "repo");
        Directory.CreateDirectory(Path.Combine(repository, "src", "Dynamic", "Schema"));
        await File.WriteAllTextAsync(Path.Combine(repository, "src", "Dynamic", "Schema", ".gitkeep"), "");
        await File.WriteAllTextAsync(Path.Combine(repository, "README.md"), "scratch repository\n");
        Repository.Init(repository);
        using (var repo = new Repository(repository))
        {
            Commands.Stage(repo, "*");
            var signature = new Signature("Test", "test@localhost", DateTimeOffset.Now);
            repo.Commit("initial", signature, signature);
        }

        var database = await TestDatabase.CreateAsync("monolith_mech");
        var settings = TestHost.Settings(database.ConnectionString);
        settings["MECHANIC_REPO_PATH"] = repository;
        settings["BACKUP_DIR"] = Path.Combine(root, "backups");
        configure?.Invoke(settings);
        var host = await TestHost.StartAsync(settings);
        return new MechanicEnvironment(root, database, host, settings);
    }

    /// <summary>Runs <paramref name="action"/> with a pipeline of its own scope, as one request would.</summary>
    public async Task<T> WithPipelineAsync<T>(Func<MechanicPipeline, Task<T>> action)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MechanicPipeline>());
    }

    public CrashPoints CrashPoints => Host.Services.GetRequiredService<CrashPoints>();

    public HttpClient AdminClient() => Host.Client(TestKeys.Admin);

    /// <summary>Stops the host and starts a new one on a fresh, empty database with the same repository.</summary>
    public async Task RestartOnFreshDatabaseAsync()
    {
        await Host.DisposeAsync();
        var database = await TestDatabase.CreateAsync("monolith_mech");
        databases.Add(database);
        Settings["DATABASE_URL"] = database.ConnectionString;
        Host = await TestHost.StartAsync(Settings);
    }

    /// <summary>Starts a new host on the same database and repository, as a restarted service would (the caller disposed the old one).</summary>
    public async Task RestartOnSameDatabaseAsync() => Host = await TestHost.StartAsync(Settings);

    /// <summary>A host that skips start-up preparation, for tests whose repository no longer lets it start.</summary>
    public async Task RestartOnSameDatabaseWithoutPreparingAsync() => Host = await TestHost.StartAsync(Settings, prepare: false);

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task<bool> TableExistsAsync(string table) =>
        ScalarAsync<bool>("SELECT to_regclass($1) IS NOT NULL", table);

    /// <summary>The commits on the checked-out branch carrying the migration's trailer.</summary>
    public IReadOnlyList<string> CommitsFor(string migrationId)
    {
        using var repo = new Repository(RepositoryPath);
        return [.. repo.Commits.Where(c => c.Message.Contains($"{GitWorkingTree.MigrationTrailer}: {migrationId}", StringComparison.Ordinal)).Select(c => c.Sha)];
    }

    /// <summary>The paths a commit changed relative to its parent.</summary>
    public IReadOnlyList<string> FilesOf(string sha)
    {
        using var repo = new Repository(RepositoryPath);
        var commit = repo.Lookup<Commit>(sha);
        var changes = repo.Diff.Compare<TreeChanges>(commit.Parents.First().Tree, commit.Tree);
        return [.. changes.Select(c => c.Path).Order(StringComparer.Ordinal)];
    }

    public string FileText(string relative) => File.ReadAllText(Path.Combine(RepositoryPath, relative));

    public bool FileExists(string relative) => File.Exists(Path.Combine(RepositoryPath, relative));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }

        try
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the next test uses a new one.
        }
    }
}
