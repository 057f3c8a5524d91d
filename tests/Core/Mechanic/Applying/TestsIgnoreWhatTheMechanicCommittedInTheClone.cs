using LibGit2Sharp;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Mechanic;
using Monolith.Schema;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>
/// A clone in which the Mechanic has applied entities still passes the tests: every test host gets a scratch
/// repository of its own, so the clone's committed dynamic migrations never reach a test database.
/// </summary>
public sealed class TestsIgnoreWhatTheMechanicCommittedInTheClone
{
    [Fact]
    public async Task AServiceStartedWithTestSettingsInsideADirtyCloneReplaysNothingOfIt()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        await ApplyAsync(env, DraftBuilder.CreateTable("Pet", "pets", "20260101000000_CreatePet", ("Name", "name", FieldType.Text, "text")), null);
        await ApplyAsync(env, DraftBuilder.CreateTable("Project", "projects", "20260101000100_CreateProject", ("Title", "title", FieldType.Text, "text")), "20260101000000_CreatePet");
        using (var clone = new Repository(env.RepositoryPath))
        {
            Assert.Equal(3, clone.Commits.Count());
        }

        // The service runs from a folder inside the clone, as the test binaries do (tests/bin/... of the clone).
        var binaries = Path.Combine(env.RepositoryPath, "tests", "bin");
        Directory.CreateDirectory(binaries);

        await using var fresh = await TestDatabase.CreateAsync("monolith_clone");
        await using (var service = await HostProcess.StartAsync(TestHost.Settings(fresh.ConnectionString), binaries))
        {
            Assert.False(await TableExistsAsync(fresh.ConnectionString, "pets"));
            Assert.False(await TableExistsAsync(fresh.ConnectionString, "projects"));
            Assert.Equal(0L, await CountAsync(fresh.ConnectionString, "SELECT count(*) FROM dynamic_migrations"));
        }

        // Without a repository of its own the service takes the clone it runs in (tools/run's default), and replays it:
        // the scratch repository above is what keeps the tests apart from the clone.
        await using var deployment = await TestDatabase.CreateAsync("monolith_clone");
        var settings = TestHost.Settings(deployment.ConnectionString);
        settings["MECHANIC_REPO_PATH"] = null;
        await using (await HostProcess.StartAsync(settings, binaries))
        {
            Assert.True(await TableExistsAsync(deployment.ConnectionString, "pets"));
            Assert.True(await TableExistsAsync(deployment.ConnectionString, "projects"));
        }
    }

    [Fact]
    public async Task TheInProcessTestHostUsesAScratchRepository()
    {
        await using var database = await TestDatabase.CreateAsync("monolith_clone");
        await using var host = await TestHost.StartAsync(TestHost.Settings(database.ConnectionString));

        var repository = host.Services.GetRequiredService<MechanicSettings>().RepositoryPath;

        Assert.StartsWith(ScratchRepository.Root, repository, StringComparison.Ordinal);
        Assert.Equal([".gitkeep"], Directory.GetFiles(Path.Combine(repository, MechanicSettings.DynamicFolder), "*", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    private static async Task ApplyAsync(MechanicEnvironment env, SchemaDraft draft, string? basedOn)
    {
        var proposal = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(draft.EntityName), draft, basedOn, MechanicCaller.Operator, CancellationToken.None));
        var applied = await env.WithPipelineAsync(p => p.ApproveAsync(proposal.Id, MechanicCaller.Operator, CancellationToken.None));
        Assert.True(applied.Status == ProposalStatus.Applied, applied.Error);
    }

    private static async Task<bool> TableExistsAsync(string connectionString, string table) =>
        await CountAsync(connectionString, $"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '{table}'") == 1;

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
