using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Audit;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Audit;

public sealed class AuditLogRecordsAndFilters(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private AuditLog Log => Fixture.Host.Services.GetRequiredService<AuditLog>();

    [Fact]
    public async Task RecordedEventsAreListedNewestFirstWithTheirDetails()
    {
        await Log.RecordAsync(new AuditEvent("deploy", "ops", new { version = "1.2" }), CancellationToken.None);
        await Log.RecordAsync(new AuditEvent("schema_change", "mechanic", new { table = "characters" }, GitCommit: new string('a', 40), GitBranch: "main"), CancellationToken.None);

        var page = await Fixture.AdminClient().GetFromJsonAsync<JsonElement>("/api/admin/audit");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["schema_change", "deploy"], items.Select(i => i.GetProperty("action").GetString()));
        Assert.Equal("characters", items[0].GetProperty("details").GetProperty("table").GetString());
        Assert.Equal(new string('a', 40), items[0].GetProperty("gitCommit").GetString());
        Assert.Equal("success", items[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task FiltersByActionActorAndTime()
    {
        await Log.RecordAsync(new AuditEvent("cleanup", "scheduler"), CancellationToken.None);
        await Log.RecordAsync(new AuditEvent("cleanup", "ops"), CancellationToken.None);
        await Log.RecordAsync(new AuditEvent("backup", "ops"), CancellationToken.None);

        var byAction = await ListAsync("?action=cleanup");
        Assert.Equal(2, byAction.Count);
        var byBoth = await ListAsync("?action=cleanup&actor=ops");
        Assert.Single(byBoth);
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"));
        Assert.Empty(await ListAsync($"?since={future}"));
    }

    [Fact]
    public async Task PagesWithAnOpaqueCursor()
    {
        for (var i = 0; i < 5; i++)
        {
            await Log.RecordAsync(new AuditEvent("deploy", $"actor{i}"), CancellationToken.None);
        }

        var first = await Fixture.AdminClient().GetFromJsonAsync<JsonElement>("/api/admin/audit?limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await Fixture.AdminClient().GetFromJsonAsync<JsonElement>($"/api/admin/audit?limit=2&cursor={cursor}");
        var third = await Fixture.AdminClient().GetFromJsonAsync<JsonElement>($"/api/admin/audit?limit=2&cursor={second.GetProperty("nextCursor").GetString()}");
        var actors = new[] { first, second, third }.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("actor").GetString());
        Assert.Equal(["actor4", "actor3", "actor2", "actor1", "actor0"], actors);
        Assert.Equal(JsonValueKind.Null, third.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task NulInDetailsIsStoredInsteadOfFailing()
    {
        var id = await Log.RecordAsync(new AuditEvent("code_change", "mechanic", new { note = "a\0b" }), CancellationToken.None);
        Assert.True(id > 0);
        var items = await ListAsync("?action=code_change");
        Assert.Equal("a\uFFFDb", items[0].GetProperty("details").GetProperty("note").GetString());
    }

    private async Task<List<JsonElement>> ListAsync(string query)
    {
        var page = await Fixture.AdminClient().GetFromJsonAsync<JsonElement>("/api/admin/audit" + query);
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
