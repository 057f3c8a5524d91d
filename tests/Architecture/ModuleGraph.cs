using Monolith.Audit;

namespace Monolith.Tests.Architecture;

/// <summary>
/// The declared module graph: which modules each module of src/Core may use. Shared infrastructure is declared too
/// (it may use only other shared infrastructure); a feature module may use every shared module without listing it.
/// docs/architecture.md shows this table; <see cref="ModuleReferencesFollowTheDeclaredGraph"/> holds the code to it.
/// </summary>
internal static class ModuleGraph
{
    /// <summary>Infrastructure every module may use: it holds no feature and knows no feature module.</summary>
    public static IReadOnlyDictionary<string, string[]> Shared { get; } = new Dictionary<string, string[]>
    {
        ["Configuration"] = [],
        ["Operations"] = [],
        ["Database"] = ["Configuration"],
        ["Schema"] = ["Configuration", "Database"],
        ["Http"] = ["Configuration", "Database"],
    };

    /// <summary>
    /// Each feature module and the feature modules it may use (besides the shared ones), in the order the host lists
    /// them. A constant is compiled into the code that uses it, so IL cannot see those edges: the two marked "constant"
    /// are declared from the source.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Features { get; } = new Dictionary<string, string[]>
    {
        ["Audit"] = [],
        ["Backup"] = ["Audit"],
        ["Registry"] = ["Audit"],
        ["Search"] = [],
        ["Conversations"] = ["Search"],
        ["Checkpoints"] = ["Audit"],
        ["Retention"] = ["Audit", "Conversations", "Checkpoints"],
        ["Health"] = [],
        ["Mechanic"] = ["Audit", "Backup", "Search" /* constant: EntityTypeRules.MaxLength */, "Health" /* constant: HealthModule.ReadyTag */],
        ["DynamicEntities"] = ["Search"],
        ["Documents"] = ["Audit", "Search"],
        ["Agents"] = ["Registry", "Conversations", "Checkpoints", "Search", "DynamicEntities", "Mechanic", "Documents"],
        ["Telegram"] = ["Agents", "Documents"],
        ["Admin"] = [],
        ["Mcp"] = ["DynamicEntities", "Conversations", "Search", "Mechanic"],
    };

    public static System.Reflection.Assembly Core => typeof(AuditLog).Assembly;

    /// <summary>Every module: the shared ones, then the features.</summary>
    public static IEnumerable<string> Modules => Shared.Keys.Concat(Features.Keys);

    /// <summary>The modules <paramref name="module"/> may use.</summary>
    public static IReadOnlySet<string> Allowed(string module) =>
        Shared.TryGetValue(module, out var shared)
            ? shared.ToHashSet()
            : Features[module].Concat(Shared.Keys).ToHashSet();

    /// <summary>The declaration as the mermaid diagram docs/architecture.md shows.</summary>
    public static string Mermaid()
    {
        var lines = new List<string> { "flowchart TD" };
        foreach (var (module, uses) in Features)
        {
            lines.AddRange(uses.Length == 0 ? [$"    {module}"] : uses.Select(used => $"    {module} --> {used}"));
        }

        lines.Add("    subgraph shared [shared infrastructure: every module may use it]");
        foreach (var (module, uses) in Shared)
        {
            lines.AddRange(uses.Length == 0 ? [$"        {module}"] : uses.Select(used => $"        {module} --> {used}"));
        }

        lines.Add("    end");
        return string.Join('\n', lines);
    }

    /// <summary>The module a type of src/Core belongs to: the namespace segment after "Monolith".</summary>
    public static string? ModuleOf(Type type)
    {
        var parts = (type.Namespace ?? string.Empty).Split('.');
        return parts.Length >= 2 && parts[0] == "Monolith" ? parts[1] : null;
    }
}
