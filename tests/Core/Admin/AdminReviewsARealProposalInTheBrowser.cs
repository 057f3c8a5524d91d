using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Monolith.Tests.Support;
using Monolith.Tests.Core.Mechanic;
using static Monolith.Tests.Core.Mechanic.ChangeRequests;

namespace Monolith.Tests.Core.Admin;

/// <summary>
/// The Mechanic drafts real proposals (Roslyn, EF model diff, safety rules, dry run) in a scratch git repository; an
/// admin reviews them in Debian's Chromium on the real service over a socket, approves one and rejects the other.
/// </summary>
public sealed class AdminReviewsARealProposalInTheBrowser : IAsyncLifetime
{
    /// <summary>Where the review screenshot is written; docs/admin-review.png is a copy of it.</summary>
    public static readonly string ScreenshotPath = Path.Combine(Path.GetTempPath(), "monolith-admin-review.png");

    private MechanicEnvironment? env;
    private LoopbackHost? web;
    private HeadlessChromium? chromium;

    private MechanicEnvironment Env => env!;

    private LoopbackHost Web => web!;

    public async Task InitializeAsync()
    {
        env = await MechanicEnvironment.StartAsync();
        web = await LoopbackHost.StartAsync(Env.Settings);
        chromium = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (chromium is not null)
        {
            await chromium.DisposeAsync();
        }

        if (web is not null)
        {
            await web.DisposeAsync();
        }

        if (env is not null)
        {
            await env.DisposeAsync();
        }
    }

    [Fact]
    public async Task PendingProposalIsApprovedAndShownAppliedWithItsCommitAndAuditEntry()
    {
        var admin = Web.Client(TestKeys.Admin);
        var proposal = await ProposeAsync(admin, Entity("Lighthouse", "the keeper agent tracks lighthouses",
            Field("Name", "string", 120, required: true), Field("Height", "decimal")));
        Assert.Equal("pending_review", proposal.GetProperty("status").GetString());
        var id = proposal.GetProperty("id").GetString()!;

        var page = await chromium!.NewPageAsync(Web.Address);
        await LogInAsync(page);
        var card = page.Locator($"#pending article[data-id='{id}']");
        await Assertions.Expect(card.Locator("h3")).ToHaveTextAsync("Lighthouse · lighthouses");
        await Assertions.Expect(card.Locator(".badge").First).ToHaveTextAsync("pending review");
        await Assertions.Expect(card.Locator("pre .add").First).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("+public class Lighthouse : DynamicEntity");
        await Assertions.Expect(card).ToContainTextAsync("CREATE TABLE");
        await Assertions.Expect(card).ToContainTextAsync("applied cleanly inside a rolled-back transaction");
        await Assertions.Expect(page.Locator("#pending-count")).ToHaveTextAsync("(1)");
        await Assertions.Expect(page.Locator("#schema")).ToContainTextAsync("No dynamic entity exists yet.");
        await Assertions.Expect(card.Locator(".reject-form")).ToBeHiddenAsync();

        await card.Locator("button.approve").ClickAsync();
        // The first click only asks: nothing is applied until the admin confirms.
        await Assertions.Expect(card.Locator(".approve-confirm")).ToBeVisibleAsync();
        Assert.Equal("pending_review", (await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/admin/mechanic/changes/{id}", UriKind.Relative))).GetProperty("status").GetString());
        await card.Locator("button.confirm-approve").ClickAsync();

        var applied = page.Locator($"#history article[data-id='{id}']");
        await Assertions.Expect(applied.Locator(".badge").First).ToHaveTextAsync("applied");
        await Assertions.Expect(page.Locator($"#pending article[data-id='{id}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#pending")).ToContainTextAsync("Nothing waits for review.");
        var view = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/admin/mechanic/changes/{id}", UriKind.Relative));
        var commit = Assert.Single(Env.CommitsFor(view.GetProperty("migration").GetProperty("id").GetString()!));
        await Assertions.Expect(applied).ToContainTextAsync(commit);
        var auditId = view.GetProperty("auditId").GetInt64();
        await Assertions.Expect(applied.Locator($"a[href='#audit-{auditId}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#audit-{auditId}")).ToContainTextAsync(commit[..12]);
        Assert.Equal("""{"role": "admin", "channel": "admin_page"}""",
            await Env.ScalarAsync<string>("SELECT (details->'approvedBy')::text FROM audit_log WHERE id = $1", auditId));

        var entity = page.Locator("#schema article.entity");
        await Assertions.Expect(entity.Locator("code").First).ToHaveTextAsync("lighthouses");
        await Assertions.Expect(entity).ToContainTextAsync("height");
        await Assertions.Expect(page.Locator("#schema-version")).ToHaveTextAsync("version 1");
        Assert.True(await Env.TableExistsAsync("lighthouses"));

        var widening = await ProposeAsync(admin, Entity("Lighthouse", "lighthouses get a keeper",
            Field("Name", "string", 120, required: true), Field("Height", "decimal"), Field("Keeper", "string", 80)));
        await page.ReloadAsync();
        var next = page.Locator($"#pending article[data-id='{widening.GetProperty("id").GetString()}']");
        await Assertions.Expect(next).ToContainTextAsync("ALTER TABLE lighthouses ADD keeper character varying(80)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
    }

    [Fact]
    public async Task RejectingAsksForAReasonAndRecordsIt()
    {
        var admin = Web.Client(TestKeys.Admin);
        var proposal = await ProposeAsync(admin, Entity("Rumour", "the gossip agent keeps rumours", Field("Text", "text", required: true)));
        var id = proposal.GetProperty("id").GetString()!;

        var page = await chromium!.NewPageAsync(Web.Address);
        await LogInAsync(page);
        var card = page.Locator($"#pending article[data-id='{id}']");
        await card.Locator("button.reject").ClickAsync();
        await card.Locator(".reject-form button[type=submit]").ClickAsync();
        await Assertions.Expect(card.Locator("[role=alert]")).ToHaveTextAsync("Give a reason for the rejection.");
        Assert.Equal("pending_review", (await ShowAsync(admin, proposal)).GetProperty("status").GetString());

        await card.Locator("textarea.reason").FillAsync("Rumours are not facts; keep them out of the schema.");
        await card.Locator(".reject-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator($"#pending article[data-id='{id}']")).ToHaveCountAsync(0);

        var view = await ShowAsync(admin, proposal);
        Assert.Equal("rejected", view.GetProperty("status").GetString());
        Assert.Equal("Rumours are not facts; keep them out of the schema.", view.GetProperty("rejectReason").GetString());
        Assert.False(await Env.TableExistsAsync("rumours"));
        Assert.Equal("""{"role": "admin", "channel": "admin_page"}""", await Env.ScalarAsync<string>(
            "SELECT (details->'rejectedBy')::text FROM audit_log WHERE id = $1 AND action = 'schema_change_rejected'", view.GetProperty("auditId").GetInt64()));
    }

    private static async Task LogInAsync(IPage page)
    {
        await page.GotoAsync("/admin");
        await page.FillAsync("#key", TestKeys.Admin);
        await page.ClickAsync("#login-form button[type=submit]");
        await Assertions.Expect(page.Locator("#app")).ToBeVisibleAsync();
    }
}
