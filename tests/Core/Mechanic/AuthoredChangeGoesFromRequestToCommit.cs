using Monolith.Mechanic;
using System.Net;
using System.Text.Json;
using static Monolith.Tests.Core.Mechanic.ChangeRequests;

namespace Monolith.Tests.Core.Mechanic;

public sealed class AuthoredChangeGoesFromRequestToCommit
{
    [Fact]
    public async Task SpecRequestIsDraftedReviewedAppliedAndCommitted()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var client = env.AdminClient();
        var proposal = await ProposeAsync(client, Entity("Character", "the story agent tracks characters",
            Field("Name", "string", 200, required: true), Field("Age", "int")));
        Assert.True(proposal.GetProperty("status").GetString() == "pending_review", proposal.ToString());
        Assert.True(proposal.GetProperty("dryRun").GetProperty("ok").GetBoolean());
        Assert.Contains("characters", proposal.GetProperty("migration").GetProperty("sql").GetString(), StringComparison.Ordinal);
        Assert.Contains("+", proposal.GetProperty("entityDiff").GetString(), StringComparison.Ordinal);

        var approved = await ApproveAsync(client, proposal);
        var body = await approved.Content.ReadAsStringAsync();
        Assert.True(approved.StatusCode == HttpStatusCode.OK, body);
        var view = JsonDocument.Parse(body).RootElement;
        Assert.Equal("applied", view.GetProperty("status").GetString());
        var commit = Assert.Single(env.CommitsFor(view.GetProperty("migration").GetProperty("id").GetString()!));
        Assert.All(env.FilesOf(commit), path => Assert.True(path.StartsWith("src/Dynamic/", StringComparison.Ordinal), path));
        Assert.Contains("src/Dynamic/Schema/Character.cs", env.FilesOf(commit));
        Assert.True(await env.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'characters' AND column_name = 'age')"));

        var widened = await ProposeAsync(client, Entity("Character", "characters get a backstory",
            Field("Name", "string", 200, required: true), Field("Age", "int"), Field("Backstory", "text")));
        Assert.Equal("pending_review", widened.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(client, widened)).StatusCode);
        Assert.True(await env.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'characters' AND column_name = 'backstory')"));
        Assert.Equal(2L, await env.ScalarAsync<long>("SELECT max(version) FROM dynamic_migrations"));
    }

    [Fact]
    public async Task UnsafeRequestIsStoredRejectedWithFindings()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var client = env.AdminClient();
        await ApproveAsync(client, await ProposeAsync(client, Entity("Character", "characters", Field("Name", "string", 200), Field("Age", "int"))));

        var removal = await ProposeAsync(client, Entity("Character", "drop age", Field("Name", "string", 200)));
        Assert.Equal("rejected", removal.GetProperty("status").GetString());
        Assert.NotEqual(0, removal.GetProperty("findings").GetArrayLength());
        Assert.False(env.FileExists($"src/Dynamic/Migrations/{removal.GetProperty("migration").GetProperty("id").GetString()}.sql"));
    }
}
