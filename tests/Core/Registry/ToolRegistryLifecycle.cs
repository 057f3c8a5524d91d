using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Registry;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Registry;

public sealed class ToolRegistryLifecycle(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly Uri Tools = new("/api/tools", UriKind.Relative);
    private static readonly Uri Search = new("/api/tools/web.search", UriKind.Relative);
    private static readonly object SearchSchema = new { type = "object", properties = new { query = new { type = "string" } }, required = new[] { "query" } };

    [Fact]
    public async Task ToolBelongsToTheNamedAgent()
    {
        var agent = await RegistryApi.CreateAsync(Fixture.Client(), "agents", new { name = "assistant", configPath = "a.yaml" });
        var tool = await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name = "web.search", modulePath = "tools/search.py", schema = SearchSchema, agent = "assistant" });
        Assert.Equal("assistant", tool.GetProperty("agent").GetString());
        Assert.Equal(agent.GetProperty("id").GetGuid(), tool.GetProperty("agentId").GetGuid());
        Assert.Equal("query", tool.GetProperty("schema").GetProperty("required")[0].GetString());
        var fetched = await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/tools/web.search");
        Assert.Equal("string", fetched.GetProperty("schema").GetProperty("properties").GetProperty("query").GetProperty("type").GetString());

        await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name = "clock", modulePath = "tools/clock.py" });
        await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name = "retired", modulePath = "tools/old.py", agent = "assistant", isActive = false });
        var active = await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/tools?active=true");
        var activeOfAssistant = active.GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("agentId").ValueKind != JsonValueKind.Null && t.GetProperty("agentId").GetGuid() == agent.GetProperty("id").GetGuid());
        Assert.Equal(["web.search"], activeOfAssistant.Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task FindAllReturnsTheRegisteredToolsAmongTheNamesInOneCall()
    {
        await RegistryApi.CreateAsync(Fixture.Client(), "agents", new { name = "assistant", configPath = "a.yaml" });
        await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name = "web.search", modulePath = "tools/search.py", agent = "assistant" });
        await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name = "retired", modulePath = "tools/old.py", isActive = false });
        await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name = "clock", modulePath = "tools/clock.py" });

        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<ToolRegistry>().FindAllAsync(
            ["web.search", "retired", "ghost", "not a name", "web.search"], CancellationToken.None);

        Assert.Equal(["retired", "web.search"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("assistant", found["web.search"].Agent);
        Assert.False(found["retired"].IsActive);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<ToolRegistry>().FindAllAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task UnknownAgentIs400NamingAgent()
    {
        var response = await Fixture.Client().PostAsJsonAsync(Tools, new { name = "web.search", modulePath = "tools/search.py", agent = "ghost" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("agent", out _));
        Assert.Empty(await RegistryApi.AuditAsync(Fixture.AdminClient()));
    }

    [Fact]
    public async Task TakenNameIs409Problem()
    {
        await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name = "web.search", modulePath = "a.py" });
        var response = await Fixture.Client().PostAsJsonAsync(Tools, new { name = "web.search", modulePath = "b.py" });
        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PutReplacesTheStateAndAuditsWhatChanged()
    {
        await RegistryApi.CreateAsync(Fixture.Client(), "agents", new { name = "assistant", configPath = "a.yaml" });
        await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name = "web.search", modulePath = "a.py", schema = SearchSchema, agent = "assistant" });
        // The same schema with another key order is not a change.
        var sameSchema = new { required = new[] { "query" }, properties = new { query = new { type = "string" } }, type = "object" };
        var response = await Fixture.Client().PutAsJsonAsync(Search, new { modulePath = "b.py", schema = sameSchema });
        var tool = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("b.py", tool.GetProperty("modulePath").GetString());
        Assert.Equal(JsonValueKind.Null, tool.GetProperty("agent").ValueKind);

        var audit = await RegistryApi.AuditAsync(Fixture.AdminClient());
        var changes = audit[^1].GetProperty("details").GetProperty("changes");
        Assert.Equal(["agent", "modulePath"], changes.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task DeleteDeactivates()
    {
        await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name = "web.search", modulePath = "a.py" });
        Assert.Equal(HttpStatusCode.NoContent, (await Fixture.Client().DeleteAsync(Search)).StatusCode);
        var tool = await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/tools/web.search");
        Assert.False(tool.GetProperty("isActive").GetBoolean());
        Assert.Equal(["web.search"], RegistryApi.Names(await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/tools?active=false")));
        Assert.Empty(RegistryApi.Names(await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/tools?active=true")));
        var audit = await RegistryApi.AuditAsync(Fixture.AdminClient());
        Assert.Equal(["create", "deactivate"], audit.Select(a => a.GetProperty("details").GetProperty("operation").GetString()));
    }

    [Fact]
    public async Task UnknownToolIs404OnEveryRoute()
    {
        await (await Fixture.Client().GetAsync(Search)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Fixture.Client().PutAsJsonAsync(Search, new { modulePath = "a.py" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Fixture.Client().DeleteAsync(Search)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Fixture.Client().GetAsync(new Uri("/api/tools/web.search/usage", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        var usage = await Fixture.Client().PostAsJsonAsync(new Uri("/api/tools/web.search/usage", UriKind.Relative), new { arguments = new { }, result = 1, executionTimeMs = 1 });
        await usage.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListPagesByName()
    {
        foreach (var name in new[] { "c", "a", "b" })
        {
            await RegistryApi.CreateAsync(Fixture.Client(), "tools", new { name, modulePath = $"{name}.py" });
        }

        var first = await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/tools?limit=2");
        var second = await RegistryApi.GetJsonAsync(Fixture.Client(), $"/api/tools?limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        Assert.Equal(["a", "b", "c"], RegistryApi.Names(first).Concat(RegistryApi.Names(second)));
    }
}
