using Microsoft.EntityFrameworkCore;

namespace Monolith.Database;

/// <summary>A module's own DbContext whose hand-checked migrations are part of the core schema.</summary>
/// <param name="SessionSettings">Session settings the module's migrations read with current_setting().</param>
public sealed record ModuleSchema(string Module, Type ContextType, IReadOnlyDictionary<string, string> SessionSettings)
{
    public DbContext Resolve(IServiceProvider services) => (DbContext)services.GetService(ContextType)!;
}
