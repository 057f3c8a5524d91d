using Monolith.Mechanic;
namespace Monolith.Tests.Core.Mechanic;

/// <summary>Entity sources that could run code when compiled or loaded are rejected with a named rule, before any assembly is loaded.</summary>
public sealed class HostileSourcesAreRejectedBeforeLoading(AuthoringDatabase db) : IClassFixture<AuthoringDatabase>
{
    public static TheoryData<string, string> Sources => new()
    {
        { "static-constructor", "public class Character : DynamicEntity\n{\n    static Character() { System.Environment.Exit(1); }\n}" },
        { "method", "public class Character : DynamicEntity\n{\n    [System.Runtime.CompilerServices.ModuleInitializer]\n    public static void Init() { }\n}" },
        { "property-initializer", "public class Character : DynamicEntity\n{\n    public string Secret { get; set; } = System.IO.File.ReadAllText(\"/etc/passwd\");\n}" },
        { "accessor-body", "public class Character : DynamicEntity\n{\n    public int Age { get { System.Environment.Exit(1); return 0; } set { } }\n}" },
        { "accessor-body", "public class Character : DynamicEntity\n{\n    public int Age => 5;\n}" },
        { "method", "public class Character : DynamicEntity\n{\n    public override string ToString() => \"x\";\n}" },
        { "operator", "public class Character : DynamicEntity\n{\n    public static implicit operator int(Character c) => 0;\n}" },
        { "nested-type", "public class Character : DynamicEntity\n{\n    public class Payload { }\n}" },
        { "using-directive", "using System.Diagnostics;\npublic class Character : DynamicEntity\n{\n    public string? Name { get; set; }\n}" },
        { "property-initializer", "public class Character : DynamicEntity\n{\n    public string Where { get; set; } = typeof(Character).Assembly.Location;\n}" },
        { "disallowed-symbol", "public class Character : DynamicEntity\n{\n    [References(typeof(Environment))] public Guid? Owner { get; set; }\n}" },
        { "method", "public class Character : DynamicEntity\n{\n    [System.Runtime.InteropServices.DllImport(\"libc\")]\n    public static extern int getpid();\n}" },
        { "extern", "public class Character : DynamicEntity\n{\n    public extern int Age { get; set; }\n}" },
        { "unsafe", "public class Character : DynamicEntity\n{\n    public unsafe int* Pointer { get; set; }\n}" },
        { "unsafe", "public unsafe class Character : DynamicEntity\n{\n}" },
        { "preprocessor-directive", "#line 1 \"Other.cs\"\npublic class Character : DynamicEntity\n{\n}" },
        { "preprocessor-directive", "public class Character : DynamicEntity\n{\n#pragma warning disable\n    public int? Age { get; set; }\n}" },
        { "preprocessor-directive", "#define HOSTILE\npublic class Character : DynamicEntity\n{\n#if HOSTILE\n    static Character() { }\n#endif\n}" },
        { "generic-class", "public class Character<T> : DynamicEntity\n{\n}" },
        { "one-type", "public class Character : DynamicEntity\n{\n}\npublic class Other : DynamicEntity\n{\n}" },
        { "attribute", "public class Character : DynamicEntity\n{\n    [Obsolete] public int? Age { get; set; }\n}" },
        { "attribute-argument", "public class Character : DynamicEntity\n{\n    [Default(global::System.IO.File.ReadAllText(\"/etc/passwd\"))] public string? Name { get; set; }\n}" },
        { "attribute-argument", "public class Character : DynamicEntity\n{\n    [Default($\"{Environment.MachineName}\")] public string? Name { get; set; }\n}" },
        { "property-initializer", "public class Character : DynamicEntity\n{\n    public string? Name { get; set; } = new();\n}" },
        { "type-kind", "public record Character : DynamicEntity\n{\n}" },
        { "partial-class", "public partial class Character : DynamicEntity\n{\n}" },
        { "static-class", "public static class Character\n{\n}" },
        { "abstract-class", "public abstract class Character : DynamicEntity\n{\n}" },
        { "file-scoped-type", "file class Character : DynamicEntity\n{\n}" },
        { "field", "public class Character : DynamicEntity\n{\n    public static int Count = Init();\n}" },
        { "event", "public class Character : DynamicEntity\n{\n    public event Action? Changed;\n}" },
        { "indexer", "public class Character : DynamicEntity\n{\n    public int this[int i] { get => i; set { } }\n}" },
        { "constructor", "public class Character : DynamicEntity\n{\n    public Character() { System.Environment.Exit(1); }\n}" },
        { "top-level-statement", "System.Environment.Exit(1);\npublic class Character : DynamicEntity\n{\n}" },
        { "namespace", "namespace Evil;\npublic class Character : DynamicEntity\n{\n}" },
        { "assembly-attribute", "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"X\")]\npublic class Character : DynamicEntity\n{\n}" },
        { "base-type", "public class Character : System.Collections.Generic.List<int>\n{\n}" },
        { "property-type", "public class Character : DynamicEntity\n{\n    public System.IO.FileInfo? File { get; set; }\n}" },
        { "property-type", "public class Character : DynamicEntity\n{\n    public Action? Callback { get; set; }\n}" },
        { "property-modifier", "public class Character : DynamicEntity\n{\n    public required string Name { get; set; }\n}" },
        { "accessor-body", "public class Character : DynamicEntity\n{\n    public int? Age { get; init; }\n}" },
        { "attribute-target", "public class Character : DynamicEntity\n{\n    [field: Searchable] public string? Name { get; set; }\n}" },
        { "syntax-error", "public class Character : DynamicEntity\n{\n    public int? Age { get; set; \n" },
        { "one-type", "// nothing but a comment" },
        { "entity-name", "public class character : DynamicEntity\n{\n}" },
        { "core-table", "[Table(\"audit_log\")]\npublic class Character : DynamicEntity\n{\n}" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task SourceIsRejectedWithItsRuleAndNothingIsLoaded(string rule, string source)
    {
        var loaded = db.Compiler.AssembliesLoaded;

        var draft = await db.DraftAsync(AuthoringDatabase.Source(source));

        Assert.False(draft.IsSafe);
        Assert.Contains(draft.Findings, f => f.Rule == rule);
        Assert.All(draft.Findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
        Assert.Empty(draft.Files);
        Assert.Empty(draft.Steps);
        Assert.Equal(loaded, db.Compiler.AssembliesLoaded);
    }

    [Fact]
    public async Task FindingsCarryTheLineOfTheOffendingCode()
    {
        var draft = await db.DraftAsync(AuthoringDatabase.Source("public class Character : DynamicEntity\n{\n    public int? Age { get; set; }\n    static Character() { }\n}"));

        Assert.Equal(4, Assert.Single(draft.Findings, f => f.Rule == "static-constructor").Line);
    }
}
