using Monolith.Mechanic;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Mechanic.ChangeRequests;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>
/// Sources that overflowed Roslyn's stack (and killed every module) or parsed for minutes, sent to the built service
/// running as a separate process: each is a rejected proposal answered at once, and the service keeps serving.
/// </summary>
[Collection(SoloTiming.Name)]
public sealed class HostileSourcesDoNotStopTheService : IAsyncLifetime
{
    /// <summary>The slowest of these parsed for over two minutes before the screen; a generous bound for a busy machine.</summary>
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(20);

    private MechanicEnvironment? env;
    private HostProcess? service;

    public static TheoryData<string, string> Sources => new()
    {
        { "generic arguments 12,000 deep", Entity($"[References(typeof({Repeat("A<", 12_000)}A{Repeat(">", 12_000)}))] public Guid? Owner {{ get; set; }}") },
        { "tuple type 12,000 deep", Entity($"public {Repeat("(", 12_000)}int, int{Repeat(")", 12_000)} Pair {{ get; set; }}") },
        { "interpolated strings 12,000 deep", Entity($"[Default({Interpolated(12_000)})] public string? Name {{ get; set; }}") },
        { "interpolated strings 3,000 deep", Entity($"[Default({Interpolated(3_000)})] public string? Name {{ get; set; }}") },
        { "attribute lists 30,000 deep", Entity(Repeat("[", 30_000) + Repeat("]", 30_000)) },
    };

    public async Task InitializeAsync()
    {
        env = await MechanicEnvironment.StartAsync();
        service = await HostProcess.StartAsync(env.Settings);
    }

    public async Task DisposeAsync()
    {
        if (service is not null)
        {
            await service.DisposeAsync();
        }

        if (env is not null)
        {
            await env.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task SourceIsRejectedQuicklyAndTheServiceKeepsServing(string what, string source)
    {
        using var admin = service!.Client(TestKeys.Admin);
        Assert.True(Encoding.UTF8.GetByteCount(source) < 64 * 1024, what);
        var watch = Stopwatch.StartNew();

        var response = await admin.PostAsJsonAsync(new Uri("/api/admin/mechanic/changes", UriKind.Relative), new { instruction = what, actor = "hostile-agent", source });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(watch.Elapsed < Answered, $"{what} took {watch.Elapsed}");
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{what}: {response.StatusCode} {body}\n{service.Output}");
        var proposal = JsonDocument.Parse(body).RootElement;
        Assert.Equal("rejected", proposal.GetProperty("status").GetString());
        Assert.Contains(proposal.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "nesting-too-deep");

        using var anonymous = service.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        var next = await ProposeAsync(admin, ChangeRequests.Entity("Lighthouse", "after " + what, Field("Name", "string", 120)));
        Assert.Equal("pending_review", next.GetProperty("status").GetString());
    }

    [Fact]
    public async Task DeeplyNestedStructuredRequestsAreRefusedAndTheServiceKeepsServing()
    {
        using var admin = service!.Client(TestKeys.Admin);
        var changes = new Uri("/api/admin/mechanic/changes", UriKind.Relative);
        var nestedBody = "{\"instruction\":\"deep\",\"actor\":\"hostile-agent\",\"entity\":" + Repeat("{\"a\":", 20_000) + "1" + Repeat("}", 20_000) + "}";
        var deepDefault = Repeat("[", 30_000) + Repeat("]", 30_000);

        var nested = await admin.PostAsync(changes, new StringContent(nestedBody, Encoding.UTF8, "application/json"));
        var proposal = await ProposeAsync(admin, new
        {
            instruction = "deep default",
            actor = "hostile-agent",
            entity = new { name = "Character", fields = new[] { new { name = "Shape", type = "json", @default = deepDefault } } },
        });

        await nested.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("rejected", proposal.GetProperty("status").GetString());
        Assert.Contains(proposal.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "default-value");
        using var anonymous = service.Client(apiKey: null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    private static string Entity(string body) => $"public class Character : DynamicEntity\n{{\n    {body}\n}}\n";

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Interpolated(int depth) => Repeat("$\"{", depth) + "1" + Repeat("}\"", depth);
}
