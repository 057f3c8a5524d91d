using System.Reflection;
using System.Runtime.Loader;

namespace Monolith.Mechanic;

/// <summary>A collectible load context for one compiled schema version; its dependencies come from the default context.</summary>
internal sealed class SchemaLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
