using System.Net;
using LibGit2Sharp;
using Monolith.Host.Cli;
using Monolith.Mechanic;
using Monolith.Schema;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>Migration files in the working tree become a migration to apply only once they are committed.</summary>
public sealed class UncommittedMigrationFilesAreNotApplied
{
    [Fact]
    public async Task MigrateIgnoresUncommittedFilesAndAppliesThemOnceCommitted()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var draft = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var proposed = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), draft, null, MechanicCaller.Operator, CancellationToken.None));
        await env.WithPipelineAsync(p => p.ApproveAsync(proposed.Id, MechanicCaller.Operator, CancellationToken.None));
        var commit = Assert.Single(env.CommitsFor(draft.MigrationId));
        var files = env.FilesOf(commit).ToDictionary(path => path, env.FileText);
        using (var repository = new Repository(env.RepositoryPath))
        {
            repository.Reset(ResetMode.Hard, repository.Lookup<Commit>(commit).Parents.Single());
        }

        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(env.RepositoryPath, path))!);
            await File.WriteAllTextAsync(Path.Combine(env.RepositoryPath, path), text);
        }

        await env.RestartOnFreshDatabaseAsync();
        using var output = new StringWriter();
        Assert.Equal(0, await OperatorCli.RunAsync(["migrate"], output, env.Settings));
        Assert.False(await env.TableExistsAsync("characters"));
        Assert.Equal(HttpStatusCode.OK, (await env.Host.Client(apiKey: null).GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        using (var repository = new Repository(env.RepositoryPath))
        {
            Commands.Stage(repository, files.Keys);
            var signature = new Signature("Test", "test@localhost", DateTimeOffset.Now);
            repository.Commit("migration merged from another branch", signature, signature);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await env.Host.Client(apiKey: null).GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(0, await OperatorCli.RunAsync(["migrate"], output, env.Settings));
        Assert.True(await env.TableExistsAsync("characters"));
    }
}
