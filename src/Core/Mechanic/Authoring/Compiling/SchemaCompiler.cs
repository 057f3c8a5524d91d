using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Monolith.Mechanic;

/// <summary>Compiles the entity files of a schema into an in-memory assembly and loads it into a collectible context.</summary>
public sealed class SchemaCompiler
{
    private readonly List<WeakReference> contexts = [];
    private long loaded;

    /// <summary>How many schema assemblies this compiler has loaded: tests prove rejected sources never get this far.</summary>
    public long AssembliesLoaded => Interlocked.Read(ref loaded);

    /// <summary>How many load contexts this compiler created are still alive (not yet unloaded and collected).</summary>
    public int LiveLoadContexts()
    {
        lock (contexts)
        {
            return contexts.Count(c => c.IsAlive);
        }
    }

    /// <summary>Compiles <paramref name="files"/> (entity name → canonical source); errors become findings, not exceptions.</summary>
    /// <param name="compilation">The successful compilation, for reading the entities from its semantic model.</param>
    public CompiledSchema? Compile(IReadOnlyDictionary<string, string> files, List<SafetyFinding> findings, out CSharpCompilation compilation, CancellationToken cancellationToken = default)
    {
        var trees = files
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(f.Value, EntitySyntaxRules.ParseOptions, path: $"{f.Key}.cs", cancellationToken: cancellationToken))
            .ToList();
        var assemblyName = $"Monolith.Dynamic.Schema.{Guid.NewGuid():N}";
        compilation = SchemaCompilation.Create(assemblyName, trees);

        using var image = new MemoryStream();
        var result = compilation.Emit(image, cancellationToken: cancellationToken);
        if (!result.Success)
        {
            foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                var span = diagnostic.Location.GetLineSpan();
                findings.Add(new SafetyFinding(
                    "compile-error",
                    SafetyFinding.Error,
                    $"{span.Path}: {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}",
                    diagnostic.Location.IsInSource ? span.StartLinePosition.Line + 1 : null));
            }

            return null;
        }

        image.Position = 0;
        var context = new SchemaLoadContext(assemblyName);
        var assembly = context.LoadFromStream(image);
        Interlocked.Increment(ref loaded);
        var schema = new CompiledSchema(context, assembly);
        lock (contexts)
        {
            contexts.RemoveAll(c => !c.IsAlive);
            contexts.Add(schema.LoadContext);
        }

        return schema;
    }
}
