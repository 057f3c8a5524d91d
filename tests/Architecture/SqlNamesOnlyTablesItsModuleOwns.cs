using System.Text.RegularExpressions;
using Monolith.Database;

namespace Monolith.Tests.Architecture;

/// <summary>
/// Every table has one owner (<see cref="TableOwners"/>, read from the modules' DbContext models), and SQL in one
/// module's compiled code (string literals and constants) names only its own tables, except the reads and writes below.
/// </summary>
public sealed partial class SqlNamesOnlyTablesItsModuleOwns
{
    /// <summary>Module → another module's table its SQL may name, and why that SQL is better than a call to the owner.</summary>
    private static readonly Dictionary<(string Module, string Table), string> Allowed = new()
    {
        [("Conversations", "search_index")] = "deleting messages (a thread, or retention's batches) removes their search rows in the same statement, so search never returns a message that is gone",
        [("Conversations", "tool_usage")] = "the user stats query counts tool calls beside messages in one snapshot",
        [("Search", "messages")] = "the backfill reads existing messages in id order to index them; no Conversations API pages that way",
        [("Search", "conversations")] = "the backfill reads each message's user id from its conversation",
    };

    [Fact]
    public void EveryCoreTableHasTheModuleThatModelsIt()
    {
        var owners = TableOwners.CoreTables;
        Assert.Equal("Conversations", owners["messages"]);
        Assert.Equal("Search", owners["search_index"]);
        Assert.Equal("Mechanic", owners["dynamic_migrations"]);
        Assert.Equal("Database", owners[DatabaseModule.MigrationsHistoryTable]);
        Assert.All(owners.Values, module => Assert.Contains(module, ModuleGraph.Modules));
    }

    [Fact]
    public void NoModuleSqlNamesATableItDoesNotOwn()
    {
        var owners = TableOwners.CoreTables;
        var found = new HashSet<(string Module, string Table)>();
        var violations = new List<string>();
        foreach (var type in ModuleGraph.Core.GetTypes().Where(t => !t.IsNested))
        {
            var module = ModuleGraph.ModuleOf(type);
            if (module is null)
            {
                continue;
            }

            foreach (var table in CompiledReferences.StringsIn(type).SelectMany(TablesNamedIn).Distinct())
            {
                if (owners.TryGetValue(table, out var owner) && owner != module)
                {
                    found.Add((module, table));
                    if (!Allowed.ContainsKey((module, table)))
                    {
                        violations.Add($"{type.FullName} ({module}) names {table} ({owner})");
                    }
                }
            }
        }

        Assert.True(violations.Count == 0, "SQL naming another module's table:\n" + string.Join('\n', violations.Order(StringComparer.Ordinal)));
        // An entry nothing needs any more must go, so the list stays the list of real exceptions.
        Assert.Empty(Allowed.Keys.Except(found).Select(k => $"{k.Module} -> {k.Table}"));
    }

    [Fact]
    public void TheScanFindsTablesInSql()
    {
        Assert.Equal(["messages", "conversations"], TablesNamedIn("SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id"));
        Assert.Equal(["search_index"], TablesNamedIn("DELETE FROM search_index s WHERE s.entity_id = $1"));
        Assert.Equal(["tool_usage"], TablesNamedIn("INSERT INTO tool_usage (agent_id) VALUES ($1)"));
    }

    private static List<string> TablesNamedIn(string sql) =>
        [.. TableAfterKeyword().Matches(sql).Select(m => m.Groups["table"].Value)];

    [GeneratedRegex("""\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE|REFERENCES|USING|ONLY)\s+(?:"?public"?\.)?"?(?<table>[a-z_][a-z0-9_]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex TableAfterKeyword();
}
