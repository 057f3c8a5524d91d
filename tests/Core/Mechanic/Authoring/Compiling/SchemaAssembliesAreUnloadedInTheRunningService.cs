using Monolith.Mechanic;
using System.Net.Http.Json;
using System.Runtime.Loader;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Mechanic.ChangeRequests;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>
/// Fifty changes go through the running service's Mechanic (request, Roslyn compile, EF model diff, apply, commit);
/// afterwards the process holds a bounded number of schema assemblies. Alone in its collection, so the count of load
/// contexts in the process is this service's.
/// </summary>
[Collection(SoloTiming.Name)]
public sealed class SchemaAssembliesAreUnloadedInTheRunningService
{
    private const int Evolutions = 50;
    private const int MaxAlive = 2;

    [Fact]
    public async Task FiftyAppliedChangesLeaveAtMostTwoSchemaLoadContextsAlive()
    {
        await using var env = await MechanicEnvironment.StartAsync(settings => settings["MECHANIC_AUTO_APPLY"] = "true");
        var compiler = env.Host.Services.GetRequiredService<SchemaCompiler>();
        var admin = env.AdminClient();
        var fields = new List<object> { Field("Label", "string", 50) };
        for (var i = 0; i < Evolutions; i++)
        {
            if (i > 0)
            {
                fields.Add(Field($"Reading{i}", "decimal"));
            }

            var change = await ProposeAsync(admin, Entity("Tracker", $"evolution {i}", [.. fields]));
            Assert.True(change.GetProperty("status").GetString() == "applied", change.ToString());
        }

        Assert.True(compiler.AssembliesLoaded >= Evolutions);
        Assert.Equal(Evolutions + 5L, await env.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'trackers'"));
        var created = await env.Host.Client().PostAsJsonAsync(new Uri("/api/entities/trackers", UriKind.Relative), new { createdBy = 1L, label = "t", reading49 = 4.9m });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);

        for (var attempt = 0; attempt < 20 && (compiler.LiveLoadContexts() > MaxAlive || SchemaLoadContextsInProcess() > MaxAlive); attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.InRange(compiler.LiveLoadContexts(), 0, MaxAlive);
        Assert.InRange(SchemaLoadContextsInProcess(), 0, MaxAlive);
    }

    private static int SchemaLoadContextsInProcess() =>
        AssemblyLoadContext.All.Count(c => c.IsCollectible && c.Name?.StartsWith("Monolith.Dynamic.Schema.", StringComparison.Ordinal) == true);
}
