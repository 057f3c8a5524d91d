namespace Monolith.Tests.Architecture;

/// <summary>
/// Reads the compiled core (metadata and IL) and fails on any reference from one module to another that
/// <see cref="ModuleGraph"/> does not declare, naming both types; and on a cycle in the declaration.
/// </summary>
public sealed class ModuleReferencesFollowTheDeclaredGraph
{
    [Fact]
    public void EveryModuleOfTheCoreIsDeclared()
    {
        var modules = ModuleGraph.Core.GetTypes().Select(ModuleGraph.ModuleOf).OfType<string>().Distinct().ToList();
        Assert.Contains("Mechanic", modules);
        Assert.Empty(modules.Except(ModuleGraph.Modules));
    }

    [Fact]
    public void NoTypeUsesAModuleItsModuleDoesNotDeclare()
    {
        var violations = ActualReferences()
            .Where(r => !ModuleGraph.Allowed(r.From).Contains(r.To))
            .Select(r => $"{r.FromType} ({r.From}) uses {r.ToType} ({r.To})")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(violations.Count == 0, "references the module graph does not declare:\n" + string.Join('\n', violations));
    }

    [Fact]
    public void TheReferencesAreReadFromMethodBodies()
    {
        // The host's migrate verb names the Mechanic's migrator only as GetRequiredService<DynamicMigrator>() in IL.
        var used = CompiledReferences.TypesUsedBy(typeof(Monolith.Host.Cli.MigrateCommand)).ToList();
        Assert.Contains(typeof(Monolith.Mechanic.DynamicMigrator), used);
        Assert.Contains(typeof(Monolith.Database.CoreMigrator), used);
    }

    [Fact]
    public void TheDeclaredGraphHasNoCycle()
    {
        var cycle = FindCycle();
        Assert.True(cycle is null, $"the declared module graph has a cycle: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void SharedInfrastructureUsesNoFeatureModule()
    {
        var misplaced = ModuleGraph.Shared
            .SelectMany(m => m.Value.Where(d => !ModuleGraph.Shared.ContainsKey(d)).Select(d => $"{m.Key} -> {d}"))
            .ToList();
        Assert.Empty(misplaced);
    }

    internal static IEnumerable<(string From, string To, string FromType, string ToType)> ActualReferences()
    {
        foreach (var type in ModuleGraph.Core.GetTypes().Where(t => !t.IsNested))
        {
            var from = ModuleGraph.ModuleOf(type);
            if (from is null)
            {
                continue;
            }

            foreach (var used in CompiledReferences.TypesUsedBy(type))
            {
                var to = ModuleGraph.ModuleOf(used);
                if (to is not null && to != from && used.Assembly == ModuleGraph.Core)
                {
                    yield return (from, to, type.FullName!, used.FullName ?? used.Name);
                }
            }
        }
    }

    private static List<string>? FindCycle()
    {
        var edges = ModuleGraph.Modules.ToDictionary(m => m, m => (IEnumerable<string>)ModuleGraph.Allowed(m));
        var state = new Dictionary<string, int>();
        var path = new List<string>();

        List<string>? Visit(string module)
        {
            state[module] = 1;
            path.Add(module);
            foreach (var next in edges[module])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.SkipWhile(m => m != next), next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[module] = 2;
            return null;
        }

        return ModuleGraph.Modules.Select(m => state.GetValueOrDefault(m) == 0 ? Visit(m) : null).FirstOrDefault(c => c is not null);
    }
}
