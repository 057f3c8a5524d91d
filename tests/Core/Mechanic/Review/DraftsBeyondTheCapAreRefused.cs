using Monolith.Mechanic;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Mechanic.ChangeRequests;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>With MECHANIC_MAX_CONCURRENT_DRAFTS=1, drafts sent while one runs are refused with 503 problem+json and Retry-After, not queued.</summary>
[Collection(SoloTiming.Name)]
public sealed class DraftsBeyondTheCapAreRefused : IAsyncLifetime
{
    private MechanicEnvironment? env;

    public async Task InitializeAsync() => env = await MechanicEnvironment.StartAsync(settings => settings["MECHANIC_MAX_CONCURRENT_DRAFTS"] = "1");

    public async Task DisposeAsync()
    {
        if (env is not null)
        {
            await env.DisposeAsync();
        }
    }

    [Fact]
    public async Task DraftsSentTogetherGetOneSlotAndTheRest503()
    {
        // Interpolated strings 30 deep pass the screen but take Roslyn a while: 60 KB of them keep a draft busy for a second or more.
        var line = $"[Default({Repeat("$\"{", 30)}1{Repeat("}\"", 30)})] public string? Name {{ get; set; }}\n";
        var source = $"public class Character : DynamicEntity\n{{\n{Repeat(line, 60 * 1024 / line.Length)}}}\n";
        var admin = env!.AdminClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            admin.PostAsJsonAsync(new Uri("/api/admin/mechanic/changes", UriKind.Relative), new { instruction = $"slow {i}", actor = "story-agent", source })));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(refused);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, r.StatusCode.ToString()));
        foreach (var response in refused)
        {
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After");
            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        }

        var next = await ProposeAsync(admin, Entity("Lighthouse", "once the slot is free", Field("Name", "string", 120)));
        Assert.Equal("pending_review", next.GetProperty("status").GetString());
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
