using System.Net;
using System.Net.Http.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Registry;

public sealed class HostileConfigPathsAreRefusedAtRegistration(MonolithFixture fixture) : IntegrationTest(fixture), IDisposable
{
    private readonly AgentConfigFiles files = new();

    [Theory]
    [InlineData("fifo.json")]
    [InlineData("zero.json")]
    [InlineData("/dev/zero")]
    [InlineData("escape.json")]
    [InlineData("../outside.json")]
    [InlineData("big.json")]
    [InlineData("sub")]
    public async Task CreateAndUpdateAnswer400NamingConfigPath(string path)
    {
        await using var host = await TestHost.StartAsync(Settings());
        using var client = host.Client();
        using var created = await client.PostAsJsonAsync("/api/agents", new { name = "hostile", configPath = path });
        var problem = await created.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("cannot be used", problem.GetProperty("errors").GetProperty("configPath")[0].GetString(), StringComparison.Ordinal);

        using var good = await client.PostAsJsonAsync("/api/agents", new { name = "fine", configPath = "good.json" });
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        using var updated = await client.PutAsJsonAsync("/api/agents/fine", new { configPath = path });
        var updateProblem = await updated.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(updateProblem.GetProperty("errors").TryGetProperty("configPath", out _), updateProblem.ToString());
    }

    public void Dispose() => files.Dispose();

    private Dictionary<string, string?> Settings()
    {
        var settings = TestHost.Settings(Fixture.ConnectionString);
        settings["AGENT_CONFIG_DIR"] = files.Root;
        return settings;
    }
}
