using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Audit;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Admin;

public sealed class AdminPageIsAStaticShellWithoutData(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("/admin", "text/html")]
    [InlineData("/admin/", "text/html")]
    [InlineData("/admin/admin.js", "text/javascript")]
    [InlineData("/admin/admin.css", "text/css")]
    public async Task FilesAreServedWithoutAKeyUnderAStrictPolicy(string path, string mediaType)
    {
        var response = await Fixture.Client(apiKey: null).GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task ShellCarriesNoKeyAndNoData()
    {
        await Fixture.Host.Services.GetRequiredService<AuditLog>()
            .RecordAsync(new AuditEvent("mechanic.applied", "secret-actor-name"), CancellationToken.None);
        var html = await Fixture.Client(apiKey: null).GetStringAsync(new Uri("/admin", UriKind.Relative));
        Assert.DoesNotContain(TestKeys.Admin, html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-actor-name", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptNeverWritesMarkupFromData()
    {
        var script = await Fixture.Client(apiKey: null).GetStringAsync(new Uri("/admin/admin.js", UriKind.Relative));
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("outerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", script, StringComparison.Ordinal);
        Assert.DoesNotContain("document.cookie", script, StringComparison.Ordinal);
    }
}
