using System.Net;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Http;

public sealed class ApiKeysGuardEveryRoute(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly Uri AdminRoute = new("/api/admin/audit", UriKind.Relative);
    private static readonly Uri ServiceRoute = new("/openapi/v1.json", UriKind.Relative);

    [Fact]
    public async Task NoKeyIs401Problem()
    {
        var response = await Fixture.Client(apiKey: null).GetAsync(AdminRoute);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WrongKeyIs401Problem()
    {
        var response = await Fixture.Client("not-a-key-of-this-service").GetAsync(ServiceRoute);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ServiceKeyOnAdminRouteIs403Problem()
    {
        var response = await Fixture.Client(TestKeys.Service).GetAsync(AdminRoute);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AdminKeyOpensAdminRoutes()
    {
        var response = await Fixture.AdminClient().GetAsync(AdminRoute);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AdminKeyAlsoOpensServiceRoutes()
    {
        var response = await Fixture.AdminClient().GetAsync(ServiceRoute);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ServiceKeyServesTheOpenApiDocument()
    {
        var body = await Fixture.Client().GetStringAsync(ServiceRoute);
        Assert.Contains("\"openapi\"", body, StringComparison.Ordinal);
        Assert.Contains("/health/ready", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRouteIs404Problem()
    {
        var response = await Fixture.Client().GetAsync(new Uri("/api/no-such-route", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
