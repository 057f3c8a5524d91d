using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Monolith.Audit;
using Monolith.Tests.Support;
using Npgsql;

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
    public async Task EveryProposalIsReachableByPagingAndEachStatusShowsItsTrueCount()
    {
        // 53 pending (more than a page), the oldest created first; rejected and failed ones with their reasons.
        await ExecuteAsync($$"""
            INSERT INTO schema_changes (status, instruction, actor, entity_name, table_name, findings, created_at, updated_at, {{Required}})
            SELECT 'pending_review', 'pending number ' || i, 'agent', 'Pending' || i, 'pending_' || i, '[]',
                   now() - make_interval(mins => i), now() - make_interval(mins => i), {{Empty}}
            FROM generate_series(1, 53) AS i
            """);
        await ExecuteAsync($$"""
            INSERT INTO schema_changes (status, instruction, actor, entity_name, reject_reason, findings, {{Required}}) VALUES
              ('rejected', 'turn notes into a log', 'agent', 'Note', 'Notes stay notes; <b>no</b> logs.', '[]', {{Empty}}),
              ('rejected', 'drop a column', 'agent', 'Dropper', NULL,
               '[{"rule":"no-drop-column","severity":"error","message":"Dropping column secret loses data."}]', {{Empty}})
            """);
        await ExecuteAsync($$"""
            INSERT INTO schema_changes (status, instruction, actor, entity_name, error, findings, {{Required}})
            SELECT 'failed', 'failing change ' || i, 'agent', 'Broken' || i, 'migration step ' || i || ' failed: <img src=x onerror=window.pwned=1>', '[]', {{Empty}}
            FROM generate_series(1, 3) AS i
            """);

        var page = await Chromium.NewPageAsync(Host.Address);
        await page.GotoAsync("/admin");
        await page.FillAsync("#key", TestKeys.Admin);
        await page.ClickAsync("#login-form button[type=submit]");

        var pending = page.Locator("#pending article");
        await Assertions.Expect(page.Locator("#pending-count")).ToHaveTextAsync("(53)");
        await Assertions.Expect(pending).ToHaveCountAsync(50);
        await Assertions.Expect(page.Locator("#pending")).Not.ToContainTextAsync("pending number 53");
        await page.Locator("#pending button.load-more").ClickAsync();
        await Assertions.Expect(pending).ToHaveCountAsync(53);
        await Assertions.Expect(pending.Last).ToContainTextAsync("pending number 53");
        await Assertions.Expect(pending.First).ToContainTextAsync("pending number 1");
        await Assertions.Expect(page.Locator("#pending button.load-more")).ToHaveCountAsync(0);

        await Assertions.Expect(page.Locator("#rejected-count")).ToHaveTextAsync("(2)");
        await Assertions.Expect(page.Locator("#rejected article")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#rejected")).ToContainTextAsync("Notes stay notes; <b>no</b> logs.");
        await Assertions.Expect(page.Locator("#rejected")).ToContainTextAsync("Dropping column secret loses data.");
        await Assertions.Expect(page.Locator("#rejected")).ToContainTextAsync("it broke a safety rule");
        await Assertions.Expect(page.Locator("#failed-count")).ToHaveTextAsync("(3)");
        await Assertions.Expect(page.Locator("#failed article")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#failed")).ToContainTextAsync("migration step 2 failed: <img src=x onerror=window.pwned=1>");
        await Assertions.Expect(page.Locator("#history-count")).ToHaveTextAsync(string.Empty);
        Assert.Equal(0, await page.Locator("#rejected b, #failed img").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.pwned"));
        await Assertions.Expect(page.Locator("#rejected article button, #failed article button")).ToHaveCountAsync(0);

        var counts = await Host.Client(TestKeys.Admin).GetFromJsonAsync<Dictionary<string, int>>(new Uri("/api/admin/mechanic/changes/counts", UriKind.Relative));
        Assert.Equal(new Dictionary<string, int> { ["rejected"] = 2, ["pending_review"] = 53, ["approved"] = 0, ["applied"] = 0, ["failed"] = 3 }, counts);
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

    // The columns without a database default, as a drafted proposal fills them.
    private const string Required = "request, entity_diff, migration_sql, steps, entities, files, stage";
    private const string Empty = "'{}', '', '', '[]', '[]', '[]', 'drafted'";

    private async Task ExecuteAsync(string sql)
    {
        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static Task<string?> StoredKeyAsync(IPage page) =>
        page.EvaluateAsync<string?>("() => sessionStorage.getItem('monolith.adminKey')");
}
