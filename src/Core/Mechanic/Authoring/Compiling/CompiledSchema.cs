using System.Reflection;
using System.Runtime.CompilerServices;

namespace Monolith.Mechanic;

/// <summary>One schema version compiled and loaded into its own collectible context; disposing it unloads the context.</summary>
/// <remarks>Everything that holds the types (an EF model and its internal service provider) must be gone before disposal.</remarks>
public sealed class CompiledSchema : IDisposable
{
    private SchemaLoadContext? context;

    internal CompiledSchema(SchemaLoadContext context, Assembly assembly)
    {
        this.context = context;
        Assembly = assembly;
        LoadContext = new WeakReference(context);
    }

    public Assembly Assembly { get; }

    /// <summary>The load context, alive until it has been unloaded and collected.</summary>
    public WeakReference LoadContext { get; }

    public Type EntityType(string name) =>
        Assembly.GetType(name, throwOnError: false) ?? throw new InvalidOperationException($"The compiled schema has no entity {name}.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Dispose()
    {
        context?.Unload();
        context = null;
    }
}
