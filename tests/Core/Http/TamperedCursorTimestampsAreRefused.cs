using System.Buffers.Text;
using System.Net;
using System.Text;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Http;

/// <summary>Cursor timestamps meet timestamptz columns: one without an offset is a 400 naming cursor, one with an offset is moved to UTC.</summary>
public sealed class TamperedCursorTimestampsAreRefused(MonolithFixture fixture) : IntegrationTest(fixture)
{
    public static TheoryData<string, bool> Routes => new()
    {
        { "/api/conversations?userId=1", false },
        { "/api/admin/mechanic/changes?limit=10", true },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task TimestampWithoutOffsetIs400NamingCursor(string route, bool admin)
    {
        foreach (var timestamp in new[] { "2026-01-01T00:00:00", "2026-01-01T00:00:00.1234567", "2026-01-01" })
        {
            var response = await Client(admin).GetAsync(new Uri($"{route}&cursor={Cursor(timestamp)}", UriKind.Relative));
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _), problem.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task TimestampWithOffsetOrZIsServed(string route, bool admin)
    {
        foreach (var timestamp in new[] { "2026-01-01T00:00:00+02:00", "2026-01-01T00:00:00-11:30", "2026-01-01T00:00:00Z" })
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
