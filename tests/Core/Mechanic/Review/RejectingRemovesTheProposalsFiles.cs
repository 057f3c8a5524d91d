using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Mechanic;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Mechanic;

public sealed class RejectingRemovesTheProposalsFiles
{
    [Fact]
    public async Task RejectedProposalLeavesNoFilesAndCannotBeApproved()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var draft = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var proposed = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), draft, null, MechanicCaller.Operator, CancellationToken.None));
        Assert.True(env.FileExists("src/Dynamic/Schema/Character.cs"));
        Assert.True(env.FileExists("src/Dynamic/Migrations/20260101000000_CreateCharacter.sql"));

        var client = env.AdminClient();
        var response = await client.PostAsJsonAsync(new Uri($"/api/admin/mechanic/changes/{proposed.Id}/reject", UriKind.Relative), new { reason = "not now" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rejected", view.GetProperty("status").GetString());
        Assert.Equal("not now", view.GetProperty("rejectReason").GetString());
        Assert.False(env.FileExists("src/Dynamic/Schema/Character.cs"));
        Assert.False(env.FileExists("src/Dynamic/Migrations/20260101000000_CreateCharacter.sql"));
        Assert.True(env.FileExists("src/Dynamic/Schema/.gitkeep"));

        var again = await client.PostAsJsonAsync(new Uri($"/api/admin/mechanic/changes/{proposed.Id}/reject", UriKind.Relative), new { reason = "twice" });
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        var approve = await client.PostAsync(new Uri($"/api/admin/mechanic/changes/{proposed.Id}/approve", UriKind.Relative), null);
        await approve.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.False(await env.TableExistsAsync("characters"));
        Assert.Empty(env.CommitsFor(draft.MigrationId));
    }

    [Fact]
    public async Task RejectingAChangeToAnAppliedEntityRestoresTheCommittedFile()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var create = DraftBuilder.CreateTable("Character", "characters", "20260101000000_CreateCharacter", ("Name", "name", FieldType.Text, "text"));
        var first = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request(), create, null, MechanicCaller.Operator, CancellationToken.None));
        await env.WithPipelineAsync(p => p.ApproveAsync(first.Id, MechanicCaller.Operator, CancellationToken.None));
        var committed = env.FileText("src/Dynamic/Schema/Character.cs");

        var widen = DraftBuilder.AddColumn(create, "20260101000100_AddAge", "Age", "age", FieldType.Int, "integer");
        var second = await env.WithPipelineAsync(p => p.ProposeDraftAsync(DraftBuilder.Request("add age"), widen, create.MigrationId, MechanicCaller.Operator, CancellationToken.None));
        Assert.NotEqual(committed, env.FileText("src/Dynamic/Schema/Character.cs"));

        await env.WithPipelineAsync(p => p.RejectAsync(second.Id, "no", MechanicCaller.Operator, CancellationToken.None));
        Assert.Equal(committed, env.FileText("src/Dynamic/Schema/Character.cs"));
        Assert.False(env.FileExists("src/Dynamic/Migrations/20260101000100_AddAge.sql"));
    }
}
