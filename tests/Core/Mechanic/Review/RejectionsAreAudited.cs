using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Mechanic;
using Monolith.Schema;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Mechanic.ChangeRequests;

namespace Monolith.Tests.Core.Mechanic;

public sealed class RejectionsAreAudited
{
    [Fact]
    public async Task AnAdminRejectionIsAuditedWithItsReasonAndChannel()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var proposal = await ProposeAsync(env.Host.Client(TestKeys.Proposer), Entity("Hive", "hives", Field("Name", "text")));
        var id = proposal.GetProperty("id").GetString()!;

        var response = await env.AdminClient().PostAsJsonAsync(new Uri($"/api/admin/mechanic/changes/{id}/reject", UriKind.Relative), new { reason = "hives belong in the colony module" });
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rejected", view.GetProperty("status").GetString());

        var details = await AuditDetailsAsync(env, view.GetProperty("auditId").GetInt64());
        Assert.Equal(id, details.GetProperty("changeId").GetString());
        Assert.Equal("hives belong in the colony module", details.GetProperty("reason").GetString());
        Assert.Equal("admin", details.GetProperty("rejectedBy").GetProperty("role").GetString());
        Assert.Equal("api", details.GetProperty("rejectedBy").GetProperty("channel").GetString());
        Assert.Equal("proposer", details.GetProperty("proposedBy").GetProperty("role").GetString());
        Assert.Equal(1L, await env.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'schema_change_rejected'"));
    }

    [Fact]
    public async Task AProposalTheRulesRejectIsAuditedWithItsFindings()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var unsafeDraft = DraftBuilder.CreateTable("Hive", "hives", "20260101000000_create_hives", ("Name", "name", FieldType.Text, "text")) with
        {
            Findings = [new SafetyFinding("drop-table", SafetyFinding.Error, "drops are not allowed")],
        };
        var rejected = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), unsafeDraft, null, MechanicCaller.Operator, CancellationToken.None));
        Assert.Equal(ProposalStatus.Rejected, rejected.Status);

        var details = await AuditDetailsAsync(env, rejected.AuditId!.Value);
        Assert.Equal(rejected.Id.ToString(), details.GetProperty("changeId").GetString());
        Assert.Equal("rules", details.GetProperty("rejectedBy").GetProperty("role").GetString());
        Assert.Equal("drop-table", Assert.Single(details.GetProperty("findings").EnumerateArray()).GetProperty("rule").GetString());
        Assert.Equal("test-agent", await env.ScalarAsync<string>("SELECT actor FROM audit_log WHERE id = $1", rejected.AuditId.Value));
    }

    [Fact]
    public async Task AProposalThatFailsItsDryRunOverHttpIsAudited()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        await env.ExecuteAsync("CREATE TABLE hives (id uuid PRIMARY KEY)");
        var proposal = await ProposeAsync(env.Host.Client(TestKeys.Proposer), Entity("Hive", "hives", Field("Name", "text")));
        Assert.Equal("rejected", proposal.GetProperty("status").GetString());

        var details = await AuditDetailsAsync(env, proposal.GetProperty("auditId").GetInt64());
        Assert.Equal("rules", details.GetProperty("rejectedBy").GetProperty("role").GetString());
        Assert.Equal("api", details.GetProperty("proposedBy").GetProperty("channel").GetString());
        Assert.NotEqual(0, details.GetProperty("findings").GetArrayLength());
    }

    private static async Task<JsonElement> AuditDetailsAsync(MechanicEnvironment env, long auditId) =>
        JsonDocument.Parse((await env.ScalarAsync<string>("SELECT details::text FROM audit_log WHERE id = $1 AND action = 'schema_change_rejected' AND status = 'success'", auditId))!).RootElement;
}
