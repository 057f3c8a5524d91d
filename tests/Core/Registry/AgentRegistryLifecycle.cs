using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Registry;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Registry;

public sealed class AgentRegistryLifecycle(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly Uri Agents = new("/api/agents", UriKind.Relative);
    private static readonly Uri Assistant = new("/api/agents/assistant", UriKind.Relative);

    [Fact]
    public async Task CreatedAgentIsVersionOneActiveAndAudited()
    {
        var agent = await RegistryApi.CreateAsync(Fixture.Client(), "agents", new { name = "assistant", description = "helps", configPath = "agents/assistant.yaml" });
        Assert.Equal(1, agent.GetProperty("version").GetInt32());
        Assert.True(agent.GetProperty("isActive").GetBoolean());
        Assert.Equal("service", agent.GetProperty("createdBy").GetString());
        var fetched = await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/agents/assistant");
        Assert.Equal("agents/assistant.yaml", fetched.GetProperty("configPath").GetString());

        var audit = Assert.Single(await RegistryApi.AuditAsync(Fixture.AdminClient()));
        Assert.Equal("service", audit.GetProperty("actor").GetString());
        var details = audit.GetProperty("details");
        Assert.Equal(("agent", "assistant", "create"), (details.GetProperty("entity").GetString(), details.GetProperty("name").GetString(), details.GetProperty("operation").GetString()));
    }

    [Fact]
    public async Task TakenNameIs409ProblemAndWritesNoAudit()
    {
        await RegistryApi.CreateAsync(Fixture.Client(), "agents", new { name = "assistant", configPath = "a.yaml" });
        var again = await Fixture.Client().PostAsJsonAsync(Agents, new { name = "assistant", configPath = "b.yaml" });
        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("An agent named 'assistant' already exists.", problem.GetProperty("detail").GetString());
        Assert.Single(await RegistryApi.AuditAsync(Fixture.AdminClient()));
    }

    [Fact]
    public async Task ConcurrentCreatesOfOneNameGiveOneAgentAndOtherwise409()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Fixture.Client().PostAsJsonAsync(Agents, new { name = "assistant", configPath = $"{i}.yaml" })));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(await RegistryApi.AuditAsync(Fixture.AdminClient()));
    }

    [Fact]
    public async Task PutReplacesTheStateBumpsTheVersionAndAuditsTheChange()
    {
        await RegistryApi.CreateAsync(Fixture.Client(), "agents", new { name = "assistant", description = "old", configPath = "a.yaml" });
        var response = await Fixture.AdminClient().PutAsJsonAsync(Assistant, new { description = "new", configPath = "a.yaml" });
        var updated = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        Assert.Equal("new", updated.GetProperty("description").GetString());

        var unchanged = await (await Fixture.Client().PutAsJsonAsync(Assistant, new { description = "new", configPath = "a.yaml" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, unchanged.GetProperty("version").GetInt32());

        var audit = await RegistryApi.AuditAsync(Fixture.AdminClient());
        Assert.Equal(2, audit.Count);
        Assert.Equal("admin", audit[1].GetProperty("actor").GetString());
        var details = audit[1].GetProperty("details");
        Assert.Equal("update", details.GetProperty("operation").GetString());
        Assert.Equal(2, details.GetProperty("version").GetInt32());
        var change = details.GetProperty("changes").GetProperty("description");
        Assert.Equal(("old", "new"), (change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
        Assert.False(details.GetProperty("changes").TryGetProperty("configPath", out _));
    }

    [Fact]
    public async Task ConcurrentPutsLoseNoVersionBump()
    {
        await RegistryApi.CreateAsync(Fixture.Client(), "agents", new { name = "assistant", configPath = "start.yaml" });
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Fixture.Client().PutAsJsonAsync(Assistant, new { configPath = $"config-{i}.yaml" })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var agent = await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/agents/assistant");
        Assert.Equal(9, agent.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task DeleteDeactivatesAndKeepsTheAgent()
    {
        await RegistryApi.CreateAsync(Fixture.Client(), "agents", new { name = "assistant", configPath = "a.yaml" });
        var response = await Fixture.Client().DeleteAsync(Assistant);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var agent = await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/agents/assistant");
        Assert.False(agent.GetProperty("isActive").GetBoolean());
        Assert.Equal(2, agent.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await Fixture.Client().DeleteAsync(Assistant)).StatusCode);
        var audit = await RegistryApi.AuditAsync(Fixture.AdminClient());
        Assert.Equal(["create", "deactivate"], audit.Select(a => a.GetProperty("details").GetProperty("operation").GetString()));

        await using var scope = Fixture.Host.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<AgentRegistry>();
        Assert.Null(await registry.FindActiveAsync("assistant", CancellationToken.None));
        Assert.NotNull(await registry.FindAsync("assistant", CancellationToken.None));
    }

    [Fact]
    public async Task UnknownAgentIs404OnEveryRoute()
    {
        await (await Fixture.Client().GetAsync(Assistant)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Fixture.Client().PutAsJsonAsync(Assistant, new { configPath = "a.yaml" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Fixture.Client().DeleteAsync(Assistant)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Fixture.Client().GetAsync(new Uri("/api/agents/%E2%9C%93%20nope", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListPagesByNameAndFiltersByActive()
    {
        foreach (var name in new[] { "delta", "alpha", "charlie", "bravo", "echo" })
        {
            await RegistryApi.CreateAsync(Fixture.Client(), "agents", new { name, configPath = $"{name}.yaml", isActive = name != "charlie" });
        }

        var first = await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/agents?limit=2");
        var second = await RegistryApi.GetJsonAsync(Fixture.Client(), $"/api/agents?limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        var third = await RegistryApi.GetJsonAsync(Fixture.Client(), $"/api/agents?limit=2&cursor={second.GetProperty("nextCursor").GetString()}");
        Assert.Equal(["alpha", "bravo", "charlie", "delta", "echo"], new[] { first, second, third }.SelectMany(RegistryApi.Names));
        Assert.Equal(JsonValueKind.Null, third.GetProperty("nextCursor").ValueKind);
        Assert.Equal(["charlie"], RegistryApi.Names(await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/agents?active=false")));
        Assert.Equal(4, RegistryApi.Names(await RegistryApi.GetJsonAsync(Fixture.Client(), "/api/agents?active=true")).Count);
    }
}
