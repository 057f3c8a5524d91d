using System.Net;
using System.Net.Http.Json;
using Monolith.Tests.Support;
using Monolith.Tests.Core.Mechanic;
using static Monolith.Tests.Core.Mechanic.ChangeRequests;

namespace Monolith.Tests.Core.Schema;

/// <summary>
/// Two services on one database and one repository: this test's in-process host and the built service started as a
/// separate operating-system process. Their fallback poll is an hour, so only NOTIFY can carry a change across.
/// </summary>
[Collection(SoloTiming.Name)]
public sealed class SchemaChangesReachAnotherServiceProcess : IAsyncLifetime
{
    private MechanicEnvironment? env;
    private HostProcess? other;

    private MechanicEnvironment Env => env!;

    private HostProcess Other => other!;

    public async Task InitializeAsync()
    {
        env = await MechanicEnvironment.StartAsync(settings => settings["SCHEMA_POLL_SECONDS"] = "3600");
        other = await HostProcess.StartAsync(Env.Settings);
        await Eventually.TrueAsync(async () => await Env.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'monolith-schema-watcher' AND query LIKE 'LISTEN%'") == 2);
    }

    public async Task DisposeAsync()
    {
        if (other is not null)
        {
            await other.DisposeAsync();
        }

        if (env is not null)
        {
            await env.DisposeAsync();
        }
    }

    [Fact]
    public async Task ChangeApprovedInOneProcessIsServedByTheOther()
    {
        var admin = Env.AdminClient();
        var lighthouse = await ProposeAsync(admin, Entity("Lighthouse", "lighthouses", Field("Name", "string", 120, required: true)));
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(admin, lighthouse)).StatusCode);

        var client = Other.Client();
        var created = await EventuallyCreatedAsync(client, "lighthouses", new { createdBy = 7L, name = "Pharos" });
        var read = await Env.Host.Client().GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var keeper = await ProposeAsync(admin, Entity("Lighthouse", "lighthouses get a keeper",
            Field("Name", "string", 120, required: true), Field("Keeper", "string", 80)));
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(admin, keeper)).StatusCode);
        await EventuallyCreatedAsync(client, "lighthouses", new { createdBy = 7L, name = "Eddystone", keeper = "Winstanley" });
    }

    [Fact]
    public async Task ApprovalsInBothProcessesAtOnceApplyEveryChangeExactlyOnce()
    {
        var here = Env.AdminClient();
        var there = Other.Client(TestKeys.Admin);
        var both = await ProposeAsync(here, Entity("Lighthouse", "lighthouses", Field("Name", "string", 120)));
        var mine = await ProposeAsync(here, Entity("Buoy", "buoys", Field("Colour", "string", 20)));
        var theirs = await ProposeAsync(there, Entity("Beacon", "beacons", Field("Range", "int")));

        var answers = await Task.WhenAll(
            ApproveAsync(here, both), ApproveAsync(there, both), ApproveAsync(here, mine), ApproveAsync(there, theirs));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Take(2).Select(a => a.StatusCode).Order());
        foreach (var answer in answers.Skip(2))
        {
            Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        }

        var versions = await Env.ScalarAsync<long[]>("SELECT array_agg(version ORDER BY version) FROM dynamic_migrations");
        Assert.Equal(new long[] { 1, 2, 3 }, versions);
        Assert.Equal(3L, await Env.ScalarAsync<long>("SELECT count(DISTINCT migration_id) FROM dynamic_migrations"));
        Assert.Equal(3L, await Env.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'schema_change' AND status = 'success'"));
        foreach (var proposal in new[] { both, mine, theirs })
        {
            var view = await ShowAsync(here, proposal);
            Assert.Equal("applied", view.GetProperty("status").GetString());
            Assert.Single(Env.CommitsFor(view.GetProperty("migration").GetProperty("id").GetString()!));
        }

        foreach (var table in new[] { "lighthouses", "buoys", "beacons" })
        {
            await EventuallyCreatedAsync(Other.Client(), table, new { createdBy = 1L });
            await EventuallyCreatedAsync(Env.Host.Client(), table, new { createdBy = 1L });
        }
    }

    private static async Task<HttpResponseMessage> EventuallyCreatedAsync(HttpClient client, string table, object body)
    {
        HttpResponseMessage? created = null;
        await Eventually.TrueAsync(async () =>
        {
            created = await client.PostAsJsonAsync(new Uri($"/api/entities/{table}", UriKind.Relative), body);
            return created.StatusCode == HttpStatusCode.Created;
        });
        return created!;
    }
}
