using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Monolith.Dynamic;

namespace Monolith.Mechanic;

/// <summary>
/// The Roslyn compilation of entity sources: the core library, System.Runtime's forwarders and the entity-base assembly
/// are its only references, and <c>global using System; global using Monolith.Dynamic;</c> are injected as a tree of its own.
/// </summary>
public static class SchemaCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    private static readonly SyntaxTree GlobalUsings =
        CSharpSyntaxTree.ParseText("global using System;\nglobal using Monolith.Dynamic;\n", EntitySyntaxRules.ParseOptions, path: "GlobalUsings.g.cs");

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation Create(string assemblyName, IEnumerable<SyntaxTree> entityTrees) =>
        CSharpCompilation.Create(
            assemblyName,
            [GlobalUsings, .. entityTrees],
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                allowUnsafe: false,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var coreLibrary = typeof(object).Assembly.Location;
        var runtime = Path.Combine(Path.GetDirectoryName(coreLibrary)!, "System.Runtime.dll");
        return
        [
            MetadataReference.CreateFromFile(coreLibrary),
            MetadataReference.CreateFromFile(runtime),
            MetadataReference.CreateFromFile(typeof(DynamicEntity).Assembly.Location),
        ];
    }
}
