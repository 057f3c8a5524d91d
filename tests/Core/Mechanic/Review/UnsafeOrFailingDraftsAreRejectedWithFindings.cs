using Monolith.Mechanic;
using Monolith.Schema;

namespace Monolith.Tests.Core.Mechanic;

public sealed class UnsafeOrFailingDraftsAreRejectedWithFindings
{
    [Fact]
    public async Task DraftWithAnErrorFindingIsStoredRejectedWithoutFilesOrDryRun()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var draft = DraftBuilder.Draft("Character", "characters", "20260101000000_DropName",
            [new("ALTER TABLE characters DROP COLUMN name", true, "drop column")], "public class Character : DynamicEntity { }\n", [],
            [new SafetyFinding("no-removed-field", SafetyFinding.Error, "Field Name was removed; mark it deprecated instead.")]);
        var proposal = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), draft, null, MechanicCaller.Operator, CancellationToken.None));
        Assert.Equal(ProposalStatus.Rejected, proposal.Status);
        Assert.Null(proposal.DryRunOk);
        Assert.Contains("no-removed-field", proposal.Findings, StringComparison.Ordinal);
        Assert.False(env.FileExists("src/Dynamic/Schema/Character.cs"));
    }

    [Fact]
    public async Task DraftThatDoesNotApplyIsRejectedByTheDryRunAndChangesNothing()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var good = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var draft = good with
        {
            Steps = [.. good.Steps, new MigrationStep("ALTER TABLE no_such_table ADD COLUMN x int", true, "broken step")],
        };
        var proposal = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), draft, null, MechanicCaller.Operator, CancellationToken.None));
        Assert.Equal(ProposalStatus.Rejected, proposal.Status);
        Assert.False(proposal.DryRunOk);
        Assert.Contains("no_such_table", proposal.DryRunError, StringComparison.Ordinal);
        Assert.Contains("dry-run", proposal.Findings, StringComparison.Ordinal);
        Assert.False(await env.TableExistsAsync("characters"));
    }
}
