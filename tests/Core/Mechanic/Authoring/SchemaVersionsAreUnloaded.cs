using System.Globalization;

namespace Monolith.Tests.Core.Mechanic.Authoring;

/// <summary>Fifty schema versions are compiled, loaded and modelled by EF; afterwards their load contexts are collected.</summary>
public sealed class SchemaVersionsAreUnloaded : IAsyncLifetime
{
    private const int Versions = 50;
    private readonly AuthoringDatabase db = new();

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task FiftyEvolutionsLeaveAtMostABoundedNumberOfLoadContextsAlive()
    {
        var loaded = db.Compiler.AssembliesLoaded;
        var fields = new List<string> { """{"name":"Label","type":"string","maxLength":50}""" };
        await db.ApplyAsync(AuthoringDatabase.Entity($$"""{"name":"Tracker","fields":[{{string.Join(",", fields)}}]}"""));
        for (var version = 1; version < Versions; version++)
        {
            fields.Add($$"""{"name":"Reading{{version.ToString(CultureInfo.InvariantCulture)}}","type":"decimal"}""");
            await db.ApplyAsync(AuthoringDatabase.Entity($$"""{"name":"Tracker","fields":[{{string.Join(",", fields)}}]}"""));
        }

        Assert.Equal(loaded + Versions, db.Compiler.AssembliesLoaded);
        Assert.Equal(Versions + 5L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 'trackers'"));
        for (var attempt = 0; attempt < 20 && db.Compiler.LiveLoadContexts() > 0; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.InRange(db.Compiler.LiveLoadContexts(), 0, 2);
    }
}
