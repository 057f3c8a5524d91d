using System.Buffers.Text;
using System.Net;
using System.Text;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Http;

/// <summary>Cursor timestamps meet timestamptz columns: with or without an offset they page (never a 500); a malformed cursor is a 400 naming cursor.</summary>
public sealed class TamperedCursorsPageOrAre400(MonolithFixture fixture) : IntegrationTest(fixture)
{
    public static TheoryData<string, bool> Routes => new()
    {
        { "/api/conversations?userId=1", false },
        { "/api/admin/mechanic/changes?limit=10", true },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnyTimestampIsReadAsAnInstantAndServed(string route, bool admin)
    {
        foreach (var timestamp in new[] { "2026-01-01T00:00:00+02:00", "2026-01-01T00:00:00-11:30", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00", "2026-01-01" })
        {
            var response = await Client(admin).GetAsync(new Uri($"{route}&cursor={Cursor(timestamp)}", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{timestamp}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task RepeatedCursorKeyIs400NamingCursor(string route, bool admin)
    {
        var json = $$"""{"CreatedAt":"2026-01-01T00:00:00Z","CreatedAt":"2027-01-01T00:00:00Z","Id":"{{Guid.NewGuid()}}"}""";
        var response = await Client(admin).GetAsync(new Uri($"{route}&cursor={Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json))}", UriKind.Relative));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _), problem.ToString());
    }

    private HttpClient Client(bool admin) => admin ? Fixture.AdminClient() : Fixture.Client();

    private static string Cursor(string createdAt) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"CreatedAt":"{{createdAt}}","Id":"{{Guid.NewGuid()}}"}"""));
}
