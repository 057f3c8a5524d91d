using System.Text;
using System.Text.RegularExpressions;
using Monolith.Database;

namespace Monolith.Mechanic.Authoring;

/// <summary>How dynamic entities are named in C# and in PostgreSQL, and which names are off limits.</summary>
public static partial class SchemaNames
{
    /// <summary>PostgreSQL truncates longer identifiers silently, which could make two names collide.</summary>
    public const int MaxIdentifierBytes = 63;

    /// <summary>Tables of the core modules and of the Mechanic's own bookkeeping; never a dynamic table.</summary>
    public static IReadOnlySet<string> CoreTables { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "conversations", "messages", "langgraph_checkpoints", "checkpoint_writes", "agents", "tools", "tool_usage",
        "audit_log", "search_index", "search_reindex_progress", "schema_changes", "dynamic_migrations", "telegram_updates",
        "documents", "document_chunks",
        "__ef_migrations_history",
    };

    /// <summary>Prefixes reserved for the system catalogs and the Mechanic's own tables.</summary>
    public static IReadOnlyList<string> ReservedTablePrefixes { get; } = ["pg_", "mechanic_", "__"];

    /// <summary>Type names an entity must not shadow, because entity sources refer to them unqualified.</summary>
    public static IReadOnlySet<string> ShadowedTypeNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "DynamicEntity", "String", "Int32", "Int64", "Decimal", "Boolean", "DateTime", "DateOnly", "Guid", "Nullable",
        "Object", "Type", "Attribute", "System", "Monolith", "Dynamic",
        "MaxLength", "Required", "Searchable", "Deprecated", "Retired", "Default", "References", "Json", "Table",
        "MaxLengthAttribute", "RequiredAttribute", "SearchableAttribute", "DeprecatedAttribute", "RetiredAttribute",
        "DefaultAttribute", "ReferencesAttribute", "JsonAttribute", "TableAttribute",
    };

    public static bool IsEntityOrFieldName(string name) => PascalName().IsMatch(name);

    public static bool IsPlainIdentifier(string name) => PlainIdentifier().IsMatch(name);

    public static bool IsTooLong(string identifier) => Encoding.UTF8.GetByteCount(identifier) > MaxIdentifierBytes;

    public static bool IsReservedWord(string identifier) => PostgresReservedWords.Contains(identifier);

    public static bool IsCoreTable(string table) =>
        CoreTables.Contains(table) || ReservedTablePrefixes.Any(p => table.StartsWith(p, StringComparison.Ordinal));

    public static string Column(string fieldName) => SnakeCaseNames.Convert(fieldName);

    /// <summary>The default table: the snake_case plural of the entity name (Character → characters, Category → categories).</summary>
    public static string Table(string entityName)
    {
        var snake = SnakeCaseNames.Convert(entityName);
        if (snake.Length > 1 && snake.EndsWith('y') && !"aeiou".Contains(snake[^2], StringComparison.Ordinal))
        {
            return snake[..^1] + "ies";
        }

        return snake.EndsWith('s') || snake.EndsWith('x') || snake.EndsWith('z') || snake.EndsWith("ch", StringComparison.Ordinal) || snake.EndsWith("sh", StringComparison.Ordinal)
            ? snake + "es"
            : snake + "s";
    }

    public static string PrimaryKey(string table) => $"pk_{table}";

    public static string ForeignKey(string table, string column) => $"fk_{table}_{column}";

    public static string Index(string table, string column) => $"ix_{table}_{column}";

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PascalName();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainIdentifier();
}
