using System.Net;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.DynamicEntities;

public sealed class ReferencesMustPointAtLiveRows(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly EntityShape Projects = new("RefProject", "ref_projects", [new("Name", "name", FieldType.String, MaxLength: 100)]);

    private static readonly EntityShape Tasks = new("RefTask", "ref_tasks",
    [
        new("Title", "title", FieldType.Text),
        new("ProjectId", "project_id", FieldType.Uuid, References: "RefProject"),
    ]);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, Projects, Tasks);
    }

    [Fact]
    public async Task ReferenceToALiveRowIsAccepted()
    {
        var client = Fixture.Client();
        var project = await client.CreateAsync(Projects.Table, new { createdBy = 1L, name = "Apollo" });
        var task = await client.CreateAsync(Tasks.Table, new { createdBy = 1L, title = "launch", projectId = project.Id() });
        Assert.Equal(project.Id(), task["projectId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task ReferenceToAMissingRowIs400NamingTheField()
    {
        var response = await Fixture.Client().PostAsync(Tasks.Table, new { createdBy = 1L, projectId = Guid.NewGuid() });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors().TryGetProperty("projectId", out _));
    }

    [Fact]
    public async Task ReferenceToADeletedRowIs400AlsoOnPatch()
    {
        var client = Fixture.Client();
        var live = await client.CreateAsync(Projects.Table, new { createdBy = 1L, name = "Live" });
        var gone = await client.CreateAsync(Projects.Table, new { createdBy = 1L, name = "Gone" });
        await client.DeleteAsync(new Uri($"/api/entities/ref_projects/{gone.Id()}", UriKind.Relative));

        await (await client.PostAsync(Tasks.Table, new { createdBy = 1L, projectId = gone.Id() })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var task = await client.CreateAsync(Tasks.Table, new { createdBy = 1L, projectId = live.Id() });
        var patch = await client.PatchRawAsync(Tasks.Table, task.Id(), $$"""{"projectId":"{{gone.Id()}}"}""");
        await patch.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ReferenceToAnotherUsersRowIs400AsIfItWereMissing()
    {
        var client = Fixture.Client();
        var theirs = await client.CreateAsync(Projects.Table, new { createdBy = 2L, name = "Theirs" });
        var mine = await client.CreateAsync(Projects.Table, new { createdBy = 1L, name = "Mine" });

        var create = await (await client.PostAsync(Tasks.Table, new { createdBy = 1L, projectId = theirs.Id() })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var missing = await (await client.PostAsync(Tasks.Table, new { createdBy = 1L, projectId = Guid.NewGuid() })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(create.Errors().TryGetProperty("projectId", out _));
        Assert.Equal(
            missing.Errors().GetProperty("projectId")[0].GetString()!.Split(';')[0],
            create.Errors().GetProperty("projectId")[0].GetString()!.Split(';')[0]);

        // On PATCH the row's own owner decides, whatever the body or the query says.
        var task = await client.CreateAsync(Tasks.Table, new { createdBy = 1L, projectId = mine.Id() });
        await (await client.PatchRawAsync(Tasks.Table, task.Id(), $$"""{"projectId":"{{theirs.Id()}}"}""")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await client.CreateAsync(Tasks.Table, new { createdBy = 2L, projectId = theirs.Id() });
    }

    [Fact]
    public async Task AReferenceToARowDeletedLaterStillReadsItsIdAndTheIdAnswers404()
    {
        var client = Fixture.Client();
        var project = await client.CreateAsync(Projects.Table, new { createdBy = 1L, name = "Apollo" });
        var task = await client.CreateAsync(Tasks.Table, new { createdBy = 1L, projectId = project.Id() });
        await client.DeleteAsync(new Uri($"/api/entities/ref_projects/{project.Id()}", UriKind.Relative));

        var read = await client.GetAsync(new Uri($"/api/entities/ref_tasks/{task.Id()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains(project.Id().ToString(), await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await client.GetAsync(new Uri($"/api/entities/ref_projects/{project.Id()}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task NullReferenceIsAllowedWhenNotRequired()
    {
        var task = await Fixture.Client().CreateAsync(Tasks.Table, new { createdBy = 1L, title = "orphan", projectId = (Guid?)null });
        Assert.Null(task["projectId"]);
    }
}
