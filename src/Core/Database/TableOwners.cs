using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Monolith.Database;

/// <summary>
/// Which module owns each core table, read from the modules themselves: every module's <c>&lt;Module&gt;DbContext</c>
/// model names its tables, and Database owns the migrations history. Every other table in the database is a dynamic
/// entity's, created by the Mechanic.
/// </summary>
public static class TableOwners
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Core = new(() => Read(typeof(TableOwners).Assembly));

    /// <summary>Core table → owning module (the namespace segment after "Monolith", e.g. "Conversations").</summary>
    public static IReadOnlyDictionary<string, string> CoreTables => Core.Value;

    /// <summary>The tables of the module DbContexts compiled into <paramref name="assembly"/>.</summary>
    public static IReadOnlyDictionary<string, string> Read(Assembly assembly)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal) { [DatabaseModule.MigrationsHistoryTable] = "Database" };
        var contexts = assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DbContext)) && !t.IsAbstract && t.Name.EndsWith("DbContext", StringComparison.Ordinal));
        foreach (var contextType in contexts.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var module = contextType.Namespace!.Split('.')[1];
            var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
            // The model needs a provider but no connection: nothing here opens one.
            options.UseNpgsql(npgsql => npgsql.UseVector());
            using var context = (DbContext)Activator.CreateInstance(contextType, options.Options)!;
            foreach (var table in context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>())
            {
                if (!owners.TryAdd(table, module) && owners[table] != module)
                {
                    throw new InvalidOperationException($"table {table} is modelled by both {owners[table]} and {module}");
                }
            }
        }

        return owners;
    }
}
