using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Tests.Core.Mechanic;
using static Monolith.Tests.Core.Mechanic.ChangeRequests;

namespace Monolith.Tests.Core.DynamicEntities;

/// <summary>Steady traffic on dynamic and core endpoints while the Mechanic drafts, approves and applies ten changes.</summary>
public sealed class TrafficSeesNoErrorsWhileTheSchemaEvolves
{
    private const int Evolutions = 10;
    private const int Clients = 4;

    [Fact]
    public async Task TenAppliedChangesUnderSteadyTrafficFailNoRequest()
    {
        await using var env = await MechanicEnvironment.StartAsync();
        var admin = env.AdminClient();
        var fields = new List<object> { Field("Name", "string", 100, required: true) };
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(admin, await ProposeAsync(admin, Entity("Ship", "ships", [.. fields])))).StatusCode);

        var failures = new ConcurrentQueue<string>();
        var served = 0;
        using var stop = new CancellationTokenSource();
        var traffic = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var http = env.Host.Client();
            var owner = 1000L + client;
            var conversation = await http.PostAsJsonAsync(new Uri("/api/conversations", UriKind.Relative), new { userId = owner, chatId = owner });
            await Expect(failures, HttpStatusCode.Created, conversation);
            var messages = new Uri($"/api/conversations/{(await conversation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()}/messages", UriKind.Relative);
            while (!stop.IsCancellationRequested)
            {
                await Expect(failures, HttpStatusCode.Created, await http.PostAsJsonAsync(new Uri("/api/entities/ships", UriKind.Relative), new { createdBy = owner, name = "Nautilus" }));
                await Expect(failures, HttpStatusCode.OK, await http.GetAsync(new Uri($"/api/entities/ships?createdBy={owner}&limit=5", UriKind.Relative)));
                await Expect(failures, HttpStatusCode.Created, await http.PostAsJsonAsync(messages, new { role = "user", content = "still afloat" }));
                await Expect(failures, HttpStatusCode.OK, await http.GetAsync(new Uri("/health/ready", UriKind.Relative)));
                Interlocked.Add(ref served, 4);
            }
        })).ToList();

        for (var i = 1; i <= Evolutions; i++)
        {
            fields.Add(Field($"Extra{i}", "int"));
            var applied = await ApproveAsync(admin, await ProposeAsync(admin, Entity("Ship", $"ships get extra{i}", [.. fields])));
            Assert.True(applied.StatusCode == HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());
            var withField = await env.Host.Client().PostAsJsonAsync(
                new Uri("/api/entities/ships", UriKind.Relative), new Dictionary<string, object> { ["createdBy"] = 1L, ["name"] = "New", [$"extra{i}"] = i });
            await Expect(failures, HttpStatusCode.Created, withField);
        }

        await stop.CancelAsync();
        await Task.WhenAll(traffic);
        Assert.True(served > 0);
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(3)));
        Assert.Equal(Evolutions + 1L, await env.ScalarAsync<long>("SELECT count(*) FROM dynamic_migrations"));
        Assert.Equal(Evolutions + 1, env.CommitsFor("").Count);
    }

    private static async Task Expect(ConcurrentQueue<string> failures, HttpStatusCode expected, HttpResponseMessage response)
    {
        if (response.StatusCode != expected)
        {
            failures.Enqueue($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
