using LibGit2Sharp;
using Monolith.Mechanic;
using Monolith.Schema;

namespace Monolith.Tests.Core.Mechanic;

public sealed class CommitsArePushedToTheRemote
{
    [Fact]
    public async Task AppliedChangeIsPushedToALocalBareRepository()
    {
        var bare = Path.Combine(Path.GetTempPath(), "monolith-remote-" + Guid.NewGuid().ToString("N")[..12]);
        Repository.Init(bare, isBare: true);
        try
        {
            await using var env = await MechanicEnvironment.StartAsync(settings => settings["MECHANIC_REMOTE"] = bare);
            var draft = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
            var proposed = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), draft, null, MechanicCaller.Operator, CancellationToken.None));
            var applied = await env.WithPipelineAsync(p => p.ApproveAsync(proposed.Id, MechanicCaller.Operator, CancellationToken.None));
            Assert.Equal(ProposalStatus.Applied, applied.Status);

            string branch;
            using (var local = new Repository(env.RepositoryPath))
            {
                branch = local.Head.FriendlyName;
            }

            Assert.DoesNotContain("push failed", applied.Progress, StringComparison.Ordinal);
            using var remote = new Repository(bare);
            Assert.Equal(applied.GitCommit, remote.Branches[branch]?.Tip.Sha);
        }
        finally
        {
            foreach (var file in Directory.EnumerateFiles(bare, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(bare, recursive: true);
        }
    }
}
