using Monolith.Configuration;
using Monolith.Mechanic;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>
/// Migrations committed before the manifest became the one replay file also carry &lt;id&gt;.json (the old replay form);
/// their manifests list it among the migration's own files, so a fresh database still replays them and an edit to it is still refused.
/// </summary>
public sealed class RepositoriesWithTheOldReplayFileStillReplay
{
    private const string MigrationId = "20260101000000_CreateCharacter";
    private const string OldReplayFile = $"src/Dynamic/Migrations/{MigrationId}.json";

    [Fact]
    public async Task FreshDatabaseReplaysAMigrationCommittedWithBothFiles()
    {
        await using var env = await CommitWithOldReplayFileAsync();
        var manifest = MigrationManifest.Parse(env.FileText($"src/Dynamic/Migrations/{MigrationId}.migration.json"));
        Assert.Contains(OldReplayFile, manifest.Files);
        var checksum = await env.ScalarAsync<string>("SELECT checksum FROM dynamic_migrations WHERE version = 1");

        await env.RestartOnFreshDatabaseAsync();

        Assert.True(await env.TableExistsAsync("characters"));
        Assert.Equal(checksum, await env.ScalarAsync<string>("SELECT checksum FROM dynamic_migrations WHERE version = 1"));
        var catalog = (SchemaCatalog)env.Host.Services.GetService(typeof(SchemaCatalog))!;
        Assert.Equal(1, catalog.Current.Number);
    }

    [Fact]
    public async Task EditingTheOldReplayFileStopsStartup()
    {
        await using var env = await CommitWithOldReplayFileAsync();
        await File.AppendAllTextAsync(Path.Combine(env.RepositoryPath, OldReplayFile), "\n");
        await env.Host.DisposeAsync();

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => TestHost.StartAsync(env.Settings));

        Assert.Contains("checksum mismatch", error.Message, StringComparison.Ordinal);
        await env.RestartOnSameDatabaseWithoutPreparingAsync();
    }

    private static async Task<MechanicEnvironment> CommitWithOldReplayFileAsync()
    {
        var env = await MechanicEnvironment.StartAsync();
        var create = DraftBuilder.CreateTable("Character", "characters", MigrationId, ("Name", "name", FieldType.Text, "text"));
        var old = $$"""{"format":1,"id":"{{MigrationId}}","entity":"Character","table":"characters","steps":[]}""" + "\n";
        var draft = create with { Files = [.. create.Files, new DraftFile(OldReplayFile, old)] };
        var proposal = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), draft, null, MechanicCaller.Operator, CancellationToken.None));
        Assert.Equal(ProposalStatus.Applied, (await env.WithPipelineAsync(p => p.ApproveAsync(proposal.Id, MechanicCaller.Operator, CancellationToken.None))).Status);
        Assert.True(env.FileExists(OldReplayFile));
        return env;
    }
}
