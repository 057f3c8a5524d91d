using System.Net;
using Monolith.Mechanic;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Mechanic;

public sealed class ConcurrentApprovalsSerialize
{
    [Fact]
    public async Task SameProposalApprovedTwiceAtOnceIsAppliedOnce()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var draft = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var proposed = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), draft, null, MechanicCaller.Operator, CancellationToken.None));

        // A second service on the same database and repository: the lock must hold across processes, not just threads.
        await using var other = await TestHost.StartAsync(env.Settings);
        var uri = new Uri($"/api/admin/mechanic/changes/{proposed.Id}/approve", UriKind.Relative);
        var answers = await Task.WhenAll(env.AdminClient().PostAsync(uri, null), other.Client(TestKeys.Admin).PostAsync(uri, null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1L, await env.ScalarAsync<long>("SELECT count(*) FROM dynamic_migrations"));
        Assert.Single(env.CommitsFor(draft.MigrationId));
        Assert.Equal(1L, await env.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'schema_change'"));
        Assert.Equal(ProposalStatus.Applied, (await env.WithPipelineAsync(p => p.LoadAsync(proposed.Id, CancellationToken.None))).Status);
    }
}
