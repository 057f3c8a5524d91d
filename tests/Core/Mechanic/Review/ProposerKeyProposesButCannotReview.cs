using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LibGit2Sharp;
using Monolith.Mechanic;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Mechanic.ChangeRequests;

namespace Monolith.Tests.Core.Mechanic;

public sealed class ProposerKeyProposesButCannotReview
{
    private static readonly Uri Changes = new("/api/admin/mechanic/changes", UriKind.Relative);

    [Fact]
    public async Task ProposerProposesAndReadsButOnlyTheAdminApprovesAndTheRecordSaysWhoDidWhat()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var proposer = env.Host.Client(TestKeys.Proposer);
        var admin = env.AdminClient();

        var proposal = await ProposeAsync(proposer, Entity("Hive", "the colony agent tracks hives", Field("Name", "string", 100, required: true)));
        var id = proposal.GetProperty("id").GetString()!;
        Assert.Equal("pending_review", proposal.GetProperty("status").GetString());
        Assert.Equal("proposer", proposal.GetProperty("proposedBy").GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, (await proposer.GetAsync(new Uri($"/api/admin/mechanic/changes/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await proposer.GetAsync(new Uri("/api/admin/schema", UriKind.Relative))).StatusCode);

        var approve = await ApproveAsync(proposer, proposal);
        var forbidden = await approve.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("admin key", forbidden.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await proposer.PostAsJsonAsync(new Uri($"/api/admin/mechanic/changes/{id}/reject", UriKind.Relative), new { reason = "mine" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await proposer.GetAsync(new Uri("/api/admin/audit", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await proposer.GetAsync(new Uri("/api/conversations", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("pending_review", (await ShowAsync(admin, proposal)).GetProperty("status").GetString());

        var approved = await ApproveAsync(admin, proposal);
        var view = JsonDocument.Parse(await approved.Content.ReadAsStringAsync()).RootElement;
        Assert.True(approved.StatusCode == HttpStatusCode.OK, view.ToString());
        Assert.Equal("applied", view.GetProperty("status").GetString());
        Assert.Equal("admin", view.GetProperty("reviewedBy").GetProperty("role").GetString());

        var details = JsonDocument.Parse((await env.ScalarAsync<string>(
            "SELECT details::text FROM audit_log WHERE id = $1 AND action = 'schema_change'", view.GetProperty("auditId").GetInt64()))!).RootElement;
        Assert.Equal("proposer", details.GetProperty("proposedBy").GetProperty("role").GetString());
        Assert.Equal("api", details.GetProperty("proposedBy").GetProperty("channel").GetString());
        Assert.Equal("story-agent", details.GetProperty("proposedBy").GetProperty("actor").GetString());
        Assert.Equal("admin", details.GetProperty("approvedBy").GetProperty("role").GetString());
        Assert.Equal("api", details.GetProperty("approvedBy").GetProperty("channel").GetString());

        using var repository = new Repository(env.RepositoryPath);
        var trailers = Monolith.Mechanic.GitWorkingTree.TrailerBlock(repository.Lookup<Commit>(view.GetProperty("gitCommit").GetString()).Message);
        Assert.Contains("Requested-by: story-agent", trailers);
        Assert.Contains("Proposed-by: proposer via api", trailers);
        Assert.Contains("Approved-by: admin via api", trailers);
    }

    [Fact]
    public async Task ProposerSeesOnlyItsOwnProposals()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var proposer = env.Host.Client(TestKeys.Proposer);
        var admin = env.AdminClient();
        var mine = await ProposeAsync(proposer, Entity("Hive", "hives", Field("Name", "text")));
        var others = await ProposeAsync(admin, Entity("Meadow", "meadows", Field("Name", "text")));

        var page = await proposer.GetFromJsonAsync<JsonElement>(Changes);
        Assert.Equal([mine.GetProperty("id").GetString()], page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        await (await proposer.GetAsync(new Uri($"/api/admin/mechanic/changes/{others.GetProperty("id").GetString()}", UriKind.Relative)))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        var all = await admin.GetFromJsonAsync<JsonElement>(Changes);
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task AdminPageApprovalsAreAuditedAsTheAdminPageAndUnknownChannelsAreRefused()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var admin = env.AdminClient();
        var proposal = await ProposeAsync(admin, Entity("Hive", "hives", Field("Name", "text")));
        var approve = new Uri($"/api/admin/mechanic/changes/{proposal.GetProperty("id").GetString()}/approve", UriKind.Relative);

        using var telegram = new HttpRequestMessage(HttpMethod.Post, approve) { Headers = { { ReviewChannel.HeaderName, "telegram" } } };
        var refused = await (await admin.SendAsync(telegram)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(ReviewChannel.HeaderName, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("pending_review", (await ShowAsync(admin, proposal)).GetProperty("status").GetString());

        using var page = new HttpRequestMessage(HttpMethod.Post, approve) { Headers = { { ReviewChannel.HeaderName, ReviewChannel.AdminPage } } };
        var approved = await admin.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var auditId = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("auditId").GetInt64();
        Assert.Equal("""{"role": "admin", "channel": "admin_page"}""",
            await env.ScalarAsync<string>("SELECT (details->'approvedBy')::text FROM audit_log WHERE id = $1", auditId));
    }
}
