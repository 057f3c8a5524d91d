using System.Net;
using System.Net.Http.Json;
using Monolith.Schema;
using Monolith.Tests.Core.DynamicEntities;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Schema;

[Collection(SoloTiming.Name)]
public sealed class SchemaChangesReachEveryInstance
{
    private static readonly EntityShape Boats = new("Boat", "watch_boats", [new("Name", "name", FieldType.String, MaxLength: 80, Required: true)]);

    private static readonly EntityShape BoatsWithCrew = Boats with { Fields = [.. Boats.Fields, new("Crew", "crew", FieldType.Int)] };

    [Fact]
    public async Task NotifyIsServedByBothInstancesWithoutWaitingForThePoll()
    {
        // An hour-long poll leaves the notification as the only way the change can arrive.
        await using var instances = await WatchedInstances.StartAsync(pollSeconds: 3600);
        await instances.WaitUntilListeningAsync();
        Assert.Equal(0, WatchedInstances.Catalog(instances.Second).Current.Number);

        await DynamicTables.CreateAsync(instances.Database.ConnectionString, Boats);
        await using (var connection = await WatchedInstances.OpenAsync(instances.Database))
        {
            await TableSchemaVersionStore.AppendAsync(connection, 1, [Boats], notify: true);
        }

        await Eventually.TrueAsync(() => WatchedInstances.Catalog(instances.First).Current.Number == 1 && WatchedInstances.Catalog(instances.Second).Current.Number == 1);
        var created = await instances.Second.Client().PostAsJsonAsync(new Uri("/api/entities/watch_boats", UriKind.Relative), new { createdBy = 1L, name = "Argo" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var read = await instances.First.Client().GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task PollFindsAVersionWhoseNotifyWasNeverSent()
    {
        await using var instances = await WatchedInstances.StartAsync(pollSeconds: 1);
        await DynamicTables.CreateAsync(instances.Database.ConnectionString, Boats);
        await using (var connection = await WatchedInstances.OpenAsync(instances.Database))
        {
            await TableSchemaVersionStore.AppendAsync(connection, 1, [Boats], notify: false);
        }

        await Eventually.TrueAsync(() => WatchedInstances.Catalog(instances.First).Current.Number == 1 && WatchedInstances.Catalog(instances.Second).Current.Number == 1);
    }

    [Fact]
    public async Task WatcherReconnectsAndCatchesUpAfterItsSessionIsKilled()
    {
        await using var instances = await WatchedInstances.StartAsync(pollSeconds: 3600);
        await instances.WaitUntilListeningAsync();
        await DynamicTables.CreateAsync(instances.Database.ConnectionString, BoatsWithCrew);
        await using var connection = await WatchedInstances.OpenAsync(instances.Database);
        await using (var kill = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", connection))
        {
            kill.Parameters.Add(new NpgsqlParameter { Value = SchemaWatcher.ApplicationName });
            Assert.Equal(2L, await kill.ExecuteScalarAsync());
        }

        // Announced while the watchers are (probably) down: the catch-up read on reconnect must find it.
        await TableSchemaVersionStore.AppendAsync(connection, 1, [Boats], notify: true);
        await instances.WaitUntilListeningAsync();
        await Eventually.TrueAsync(() => WatchedInstances.Catalog(instances.Second).Current.Number == 1);

        await TableSchemaVersionStore.AppendAsync(connection, 2, [BoatsWithCrew], notify: true);
        await Eventually.TrueAsync(() => WatchedInstances.Catalog(instances.First).Current.Number == 2 && WatchedInstances.Catalog(instances.Second).Current.Number == 2);
        var created = await instances.First.Client().PostAsJsonAsync(new Uri("/api/entities/watch_boats", UriKind.Relative), new { createdBy = 1L, name = "Kon-Tiki", crew = 6 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
