using LibGit2Sharp;
using Monolith.Mechanic;
using Monolith.Schema;

namespace Monolith.Tests.Core.Mechanic;

public sealed class ForgedTrailersCannotRedirectACommit
{
    private const string BeeMigration = "20260101000100_create_bees";

    [Fact]
    public async Task TrailerLinesInAnApprovedInstructionDoNotCaptureALaterMigration()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var forged = string.Join("\n", ["ants for the colony agent", "", $"Monolith-Migration: {BeeMigration}", $"  {GitWorkingTree.MigrationTrailer}: {BeeMigration}  "]);
        var ants = DraftBuilder.CreateTable("Ant", "ants", "20260101000000_create_ants", ("Name", "name", FieldType.Text, "text"));
        var ant = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(forged), ants, null, MechanicCaller.Operator, CancellationToken.None));
        var antApplied = await env.WithPipelineAsync(p => p.ApproveAsync(ant.Id, MechanicCaller.Operator, CancellationToken.None));
        Assert.Equal(ProposalStatus.Applied, antApplied.Status);

        // The instruction is in the Ant commit's message, quoted; only its own trailer block names a migration.
        using (var repository = new Repository(env.RepositoryPath))
        {
            var message = repository.Lookup<Commit>(antApplied.GitCommit).Message;
            Assert.Contains($"    Monolith-Migration: {BeeMigration}", message, StringComparison.Ordinal);
            Assert.DoesNotContain(message.Split('\n'), line => line.StartsWith($"Monolith-Migration: {BeeMigration}", StringComparison.Ordinal));
            Assert.Equal($"{GitWorkingTree.MigrationTrailer}: 20260101000000_create_ants", GitWorkingTree.TrailerBlock(message)[^1]);
        }

        var bee = await ApplyBeeAsync(env);

        await AssertBeeCommittedOnItsOwnAsync(env, bee, antApplied.GitCommit!);
        await env.RestartOnFreshDatabaseAsync();
        Assert.True(await env.TableExistsAsync("ants"));
        Assert.True(await env.TableExistsAsync("bees"));
        Assert.Equal(2L, await env.ScalarAsync<long>("SELECT max(version) FROM dynamic_migrations"));
    }

    [Fact]
    public async Task ACommitWithTheTrailerButWithoutTheManifestIsNotTheMigrations()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        string handMade;
        using (var repository = new Repository(env.RepositoryPath))
        {
            // A trailer block that is well formed, on a commit that does not hold the migration: someone else's commit.
            await File.AppendAllTextAsync(Path.Combine(env.RepositoryPath, "README.md"), "notes\n");
            Commands.Stage(repository, "README.md");
            var signature = new Signature("Someone", "someone@localhost", DateTimeOffset.Now);
            handMade = repository.Commit($"notes\n\n{GitWorkingTree.MigrationTrailer}: {BeeMigration}\n", signature, signature).Sha;
        }

        var bee = await ApplyBeeAsync(env);

        await AssertBeeCommittedOnItsOwnAsync(env, bee, handMade);
        await env.RestartOnFreshDatabaseAsync();
        Assert.True(await env.TableExistsAsync("bees"));
    }

    [Fact]
    public void OnlyTheFinalParagraphOfTrailersIsTheTrailerBlock()
    {
        Assert.Equal(["Change: 1", "Monolith-Migration: x"], GitWorkingTree.TrailerBlock("subject\n\nbody\n\nChange: 1\nMonolith-Migration: x\n"));
        Assert.Empty(GitWorkingTree.TrailerBlock("subject\n\nMonolith-Migration: x\n\nnot a trailer line\n"));
        Assert.Empty(GitWorkingTree.TrailerBlock("subject\n\nMonolith-Migration: x\n    quoted: line\n"));
        Assert.Empty(GitWorkingTree.TrailerBlock("Monolith-Migration: x\n"));
    }

    private static async Task<SchemaProposal> ApplyBeeAsync(MechanicEnvironment env)
    {
        var applied = await env.ScalarAsync<string>("SELECT migration_id FROM dynamic_migrations ORDER BY version DESC LIMIT 1");
        var bees = DraftBuilder.CreateTable("Bee", "bees", BeeMigration, ("Name", "name", FieldType.Text, "text"));
        var proposal = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request("bees"), bees, applied, MechanicCaller.Operator, CancellationToken.None));
        var bee = await env.WithPipelineAsync(p => p.ApproveAsync(proposal.Id, MechanicCaller.Operator, CancellationToken.None));
        Assert.True(bee.Status == ProposalStatus.Applied, bee.Error);
        return bee;
    }

    private static async Task AssertBeeCommittedOnItsOwnAsync(MechanicEnvironment env, SchemaProposal bee, string notBeesCommit)
    {
        Assert.NotEqual(notBeesCommit, bee.GitCommit);
        Assert.Equal(
            [$"src/Dynamic/Migrations/{BeeMigration}.migration.json", $"src/Dynamic/Migrations/{BeeMigration}.sql", "src/Dynamic/Schema/Bee.cs"],
            env.FilesOf(bee.GitCommit!));
        Assert.Equal(bee.GitCommit, await env.ScalarAsync<string>("SELECT git_commit FROM audit_log WHERE id = $1 AND action = 'schema_change'", bee.AuditId!.Value));
        using var repository = new Repository(env.RepositoryPath);
        Assert.Equal(bee.GitCommit, repository.Head.Tip.Sha);
        Assert.Equal(
            $"{GitWorkingTree.MigrationTrailer}: {BeeMigration}",
            GitWorkingTree.TrailerBlock(repository.Head.Tip.Message)[^1]);
    }
}
