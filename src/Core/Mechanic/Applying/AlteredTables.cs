using System.Text.RegularExpressions;

namespace Monolith.Mechanic;

/// <summary>The tables whose rows a migration could touch: the entity's table and every table an ALTER TABLE step names.</summary>
public static partial class AlteredTables
{
    /// <remarks>
    /// A table the migration creates is listed too; the backup finds no rows for it. Tables only referenced (the
    /// principal of a new foreign key) keep their rows untouched and are not listed.
    /// </remarks>
    public static IReadOnlyList<string> Of(SchemaDraft draft)
    {
        var tables = new SortedSet<string>(StringComparer.Ordinal) { draft.Table };
        foreach (var step in draft.Steps)
        {
            foreach (Match alter in AlterTable().Matches(step.Sql))
            {
                tables.Add(alter.Groups["quoted"].Success ? alter.Groups["quoted"].Value.Replace("\"\"", "\"", StringComparison.Ordinal) : alter.Groups["plain"].Value.ToLowerInvariant());
            }
        }

        return [.. tables];
    }

    [GeneratedRegex(@"\bALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(?:""(?<quoted>(?:[^""]|"""")+)""|(?<plain>[A-Za-z_][A-Za-z0-9_$]*))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlterTable();
}
