using Monolith.Mechanic;
using Monolith.Schema;

namespace Monolith.Tests.Core.Mechanic;

public sealed class AutoApplyAppliesSafeChanges
{
    [Fact]
    public async Task ChangeWithoutFindingsIsAppliedAtOnceAndOneWithAWarningWaits()
    {
        await using var env = await MechanicEnvironment.StartAsync(settings => settings["MECHANIC_AUTO_APPLY"] = "true");
        var draft = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var applied = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), draft, null, MechanicCaller.Operator, CancellationToken.None));
        Assert.Equal(ProposalStatus.Applied, applied.Status);
        Assert.True(await env.TableExistsAsync("characters"));
        Assert.Single(env.CommitsFor(draft.MigrationId));

        var warned = DraftBuilder.AddColumn(draft, "20260101000100_AddAge", "Age", "age", FieldType.Int, "integer") with
        {
            Findings = [new SafetyFinding("wide-table", SafetyFinding.Warning, "worth a look")],
        };
        var waiting = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request("add age"), warned, draft.MigrationId, MechanicCaller.Operator, CancellationToken.None));
        Assert.Equal(ProposalStatus.PendingReview, waiting.Status);
    }
}
