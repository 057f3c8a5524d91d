using Monolith.Mechanic;
using System.Net.Http.Json;
using System.Text.Json;
using static Monolith.Tests.Core.Mechanic.ChangeRequests;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>An entity or table name over PostgreSQL's 63 bytes is an unsafe change like any other: a rejected proposal with identifier-too-long, not a 400.</summary>
public sealed class OverlongNamesAreRejectedProposals : IAsyncLifetime
{
    private MechanicEnvironment? env;

    public static TheoryData<string, string?> Names => new()
    {
        { "L" + new string('o', 69), null },
        { "L" + new string('o', 120), null },
        { "Lighthouse", new string('l', 64) },
        { "Lighthouse", new string('l', 200) },
    };

    public async Task InitializeAsync() => env = await MechanicEnvironment.StartAsync();

    public async Task DisposeAsync()
    {
        if (env is not null)
        {
            await env.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task OverlongNameIsARejectedProposalWithItsFinding(string name, string? table)
    {
        var request = new
        {
            instruction = "a long name",
            actor = "story-agent",
            entity = table is null
                ? (object)new { name, fields = new[] { Field("Name", "string", 120) } }
                : new { name, table, fields = new[] { Field("Name", "string", 120) } },
        };

        var proposal = await ProposeAsync(env!.AdminClient(), request);

        Assert.Equal("rejected", proposal.GetProperty("status").GetString());
        Assert.Contains(proposal.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "identifier-too-long");
        var shown = await env.AdminClient().GetFromJsonAsync<JsonElement>(new Uri($"/api/admin/mechanic/changes/{proposal.GetProperty("id").GetString()}", UriKind.Relative));
        Assert.Equal("rejected", shown.GetProperty("status").GetString());
    }
}
