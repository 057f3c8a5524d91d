using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monolith.Audit;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Admin;

public sealed class AdminPageRunsInARealBrowser(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private LoopbackHost? host;
    private HeadlessChromium? chromium;

    private LoopbackHost Host => host!;

    private HeadlessChromium Chromium => chromium!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        host = await LoopbackHost.StartAsync(TestHost.Settings(Fixture.ConnectionString));
        chromium = await HeadlessChromium.LaunchAsync();
    }

    public override async Task DisposeAsync()
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }

        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task LoginKeepsOnlyTheAdminKeyAndOnlyInSessionStorage()
    {
        var page = await Chromium.NewPageAsync(Host.Address);
        await page.GotoAsync("/admin");
        await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#app")).ToBeHiddenAsync();

        await page.FillAsync("#key", TestKeys.Service);
        await page.ClickAsync("#login-form button[type=submit]");
        await Assertions.Expect(page.Locator("#login-error")).ToHaveTextAsync("That is not the admin key.");
        Assert.Null(await StoredKeyAsync(page));

        await page.FillAsync("#key", TestKeys.Admin);
        await page.ClickAsync("#login-form button[type=submit]");
        await Assertions.Expect(page.Locator("#app")).ToBeVisibleAsync();
        Assert.Equal(TestKeys.Admin, await StoredKeyAsync(page));
        Assert.Empty(await page.Context.CookiesAsync());
        Assert.DoesNotContain(TestKeys.Admin, page.Url, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await page.InputValueAsync("#key"));

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#app")).ToBeVisibleAsync();

        await page.ClickAsync("#logout");
        await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync();
        Assert.Null(await StoredKeyAsync(page));
    }

    [Fact]
    public async Task UntrustedTextIsShownAsTextAndNeverRuns()
    {
        var audit = Host.Services.GetRequiredService<AuditLog>();
        await audit.RecordAsync(new AuditEvent("<script>window.pwned=1</script>", "<img src=x onerror=\"window.pwned=2\">"), CancellationToken.None);

        var page = await Chromium.NewPageAsync(Host.Address);
        await page.GotoAsync("/admin");
        await page.FillAsync("#key", TestKeys.Admin);
        await page.ClickAsync("#login-form button[type=submit]");

        var row = page.Locator("#audit tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("<script>window.pwned=1</script>");
        await Assertions.Expect(row).ToContainTextAsync("<img src=x onerror=\"window.pwned=2\">");
        Assert.Equal(0, await page.Locator("#audit img, #audit script").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.pwned"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "monolith-admin-shell.png"), FullPage = true });
    }

    [Fact]
    public async Task AnExpiredKeySendsTheBrowserBackToLogin()
    {
        var page = await Chromium.NewPageAsync(Host.Address);
        await page.GotoAsync("/admin");
        await page.EvaluateAsync("() => sessionStorage.setItem('monolith.adminKey', 'a-key-that-was-rotated-away')");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#login")).ToBeVisibleAsync();
        Assert.Null(await StoredKeyAsync(page));
    }

    private static Task<string?> StoredKeyAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => sessionStorage.getItem('monolith.adminKey')");
}
