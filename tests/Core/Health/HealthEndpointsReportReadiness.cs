using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Health;

public sealed class HealthEndpointsReportReadiness(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task LiveAnswersWithoutAKey()
    {
        var response = await Fixture.Client(apiKey: null).GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadyNamesEveryPassingCheck()
    {
        var response = await Fixture.Client(apiKey: null).GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("ok", checks["database"]);
        Assert.Equal("ok", checks["pgvector"]);
        Assert.Equal("ok", checks["migrations"]);
    }

    [Fact]
    public async Task ReadyIs503NamingTheDatabaseWhenItCannotBeReached()
    {
        var settings = TestHost.Settings("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2");
        await using var host = await TestHost.StartAsync(settings, prepare: false);
        var response = await host.Client(apiKey: null).GetAsync(new Uri("/health/ready", UriKind.Relative));
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("database:", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
