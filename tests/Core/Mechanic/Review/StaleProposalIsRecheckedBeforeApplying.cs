using Monolith.Mechanic;
using System.Net;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Mechanic.ChangeRequests;

namespace Monolith.Tests.Core.Mechanic;

public sealed class StaleProposalIsRecheckedBeforeApplying
{
    [Fact]
    public async Task ProposalOvertakenByAnotherIsRedraftedOrRejected()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var client = env.AdminClient();
        var create = await ProposeAsync(client, Entity("Character", "characters", Field("Name", "string", 200)));
        var wider = await ProposeAsync(client, Entity("Character", "characters with age", Field("Name", "string", 200), Field("Age", "int")));
        var narrower = await ProposeAsync(client, Entity("Character", "characters by age only", Field("Age", "int")));
        Assert.Equal("pending_review", narrower.GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(client, create)).StatusCode);

        // Drafted against the empty schema it created the table; against the applied one it must add a column instead.
        var conflict = await (await ApproveAsync(client, wider)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("re-drafted", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var redrafted = await ShowAsync(client, wider);
        Assert.Equal("pending_review", redrafted.GetProperty("status").GetString());
        Assert.Equal(create.GetProperty("migration").GetProperty("id").GetString(), redrafted.GetProperty("basedOnMigrationId").GetString());
        Assert.DoesNotContain("CREATE TABLE", redrafted.GetProperty("migration").GetProperty("sql").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(client, wider)).StatusCode);
        Assert.True(await env.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'characters' AND column_name = 'age')"));

        // Against the applied schema this one removes Name: the re-check rejects it.
        await (await ApproveAsync(client, narrower)).AssertProblemAsync(HttpStatusCode.Conflict);
        var rejected = await ShowAsync(client, narrower);
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.NotEqual(0, rejected.GetProperty("findings").GetArrayLength());
        var audit = await env.ScalarAsync<string>(
            "SELECT (details->'rejectedBy'->>'role') || ': ' || (details->>'reason') FROM audit_log WHERE id = $1 AND action = 'schema_change_rejected'",
            rejected.GetProperty("auditId").GetInt64());
        Assert.StartsWith("rules: rejected by the safety rules or the dry run when re-checked against", audit, StringComparison.Ordinal);
        Assert.EndsWith("on approval by admin via api", audit, StringComparison.Ordinal);
        Assert.Equal(2L, await env.ScalarAsync<long>("SELECT count(*) FROM dynamic_migrations"));
    }

    [Fact]
    public async Task TwoDifferentProposalsApprovedAtOnceBothApplyWithoutMixingFiles()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var client = env.AdminClient();
        var characters = await ProposeAsync(client, Entity("Character", "characters", Field("Name", "string", 200)));
        var projects = await ProposeAsync(client, Entity("Project", "projects", Field("Title", "string", 200)));

        var answers = await Task.WhenAll(ApproveAsync(client, characters), ApproveAsync(client, projects));
        foreach (var (answer, proposal) in answers.Zip([characters, projects]))
        {
            // The one approved second was drafted against an older schema: it goes on when its SQL is unchanged, else it asks for review.
            if (answer.StatusCode == HttpStatusCode.Conflict)
            {
                Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(client, proposal)).StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            }
        }

        Assert.Equal(2L, await env.ScalarAsync<long>("SELECT count(*) FROM dynamic_migrations"));
        foreach (var (proposal, entity) in new[] { (characters, "Character"), (projects, "Project") })
        {
            var shown = await ShowAsync(client, proposal);
            Assert.Equal("applied", shown.GetProperty("status").GetString());
            var files = env.FilesOf(shown.GetProperty("gitCommit").GetString()!);
            Assert.Contains($"src/Dynamic/Schema/{entity}.cs", files);
            Assert.DoesNotContain(files, f => f.StartsWith("src/Dynamic/Schema/", StringComparison.Ordinal) && f != $"src/Dynamic/Schema/{entity}.cs");
        }
    }
}
