using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.DynamicEntities;

public sealed class TrafficSeesNoErrorsWhileTheSchemaEvolves(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private const int Evolutions = 10;
    private const int Clients = 4;

    private static readonly EntityShape Ships = new("TrafficShip", "traffic_ships", [new("Name", "name", FieldType.String, MaxLength: 100, Required: true)]);

    [Fact]
    public async Task TenAdditiveChangesUnderSteadyTrafficFailNoRequest()
    {
        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, Ships);
        var failures = new ConcurrentQueue<string>();
        var served = 0;
        using var stop = new CancellationTokenSource();
        var traffic = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var http = Fixture.Client();
            var owner = 1000L + client;
            while (!stop.IsCancellationRequested)
            {
                await Expect(failures, HttpStatusCode.Created, await http.PostAsJsonAsync(new Uri("/api/entities/traffic_ships", UriKind.Relative), new { createdBy = owner, name = "Nautilus" }));
                await Expect(failures, HttpStatusCode.OK, await http.GetAsync(new Uri($"/api/entities/traffic_ships?createdBy={owner}&limit=5", UriKind.Relative)));
                await Expect(failures, HttpStatusCode.OK, await http.GetAsync(new Uri("/health/ready", UriKind.Relative)));
                Interlocked.Add(ref served, 3);
            }
        })).ToList();

        var shape = Ships;
        for (var i = 1; i <= Evolutions; i++)
        {
            shape = shape with { Fields = [.. shape.Fields, new($"Extra{i}", $"extra{i}", FieldType.Int)] };
            await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, shape);
            var withField = await Fixture.Client().PostAsJsonAsync(
                new Uri("/api/entities/traffic_ships", UriKind.Relative), new Dictionary<string, object> { ["createdBy"] = 1L, ["name"] = "New", [$"extra{i}"] = i });
            await Expect(failures, HttpStatusCode.Created, withField);
        }

        await stop.CancelAsync();
        await Task.WhenAll(traffic);
        Assert.True(served > 0);
        Assert.Empty(failures);
    }

    private static async Task Expect(ConcurrentQueue<string> failures, HttpStatusCode expected, HttpResponseMessage response)
    {
        if (response.StatusCode != expected)
        {
            failures.Enqueue($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
