using Monolith.Mechanic;
using System.Net;
using System.Net.Http.Json;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>A rejection's reason is shown to reviewers and written to the audit log, so it may not carry bidirectional controls.</summary>
public sealed class RejectionReasonRefusesBidiControls(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("looks fine \u202E")]
    [InlineData("\u2067unsafe\u2069")]
    public async Task ReasonWithABidiControlIs400NamingTheField(string reason)
    {
        var response = await Fixture.AdminClient().PostAsJsonAsync(new Uri($"/api/admin/mechanic/changes/{Guid.NewGuid()}/reject", UriKind.Relative), new { reason });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _), problem.ToString());
    }
}
