using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Monolith.Mechanic;

/// <summary>
/// The safety rules on EF's migration operations, the last word on what a dynamic migration may do: only add tables,
/// columns, indexes and foreign keys, widen varchar columns, relax NOT NULL, and change defaults and comments.
/// </summary>
public static partial class MigrationSafetyRules
{
    /// <summary>Defaults that PostgreSQL evaluates once per ALTER (non-volatile) and that only base columns use.</summary>
    private static readonly HashSet<string> NonVolatileDefaults = new(StringComparer.Ordinal) { "now()" };

    /// <param name="existingTables">Tables of the previous (applied) model.</param>
    public static IReadOnlyList<SafetyFinding> Check(IReadOnlyList<MigrationOperation> operations, IReadOnlySet<string> existingTables, LiveSchemaFacts facts)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(existingTables);
        ArgumentNullException.ThrowIfNull(facts);
        var findings = new List<SafetyFinding>();
        foreach (var operation in operations)
        {
            CheckOperation(operation, existingTables, facts, findings);
        }

        return findings;
    }

    /// <summary>Whether PostgreSQL changes <paramref name="from"/> to <paramref name="to"/> without rewriting the table.</summary>
    public static bool IsWidening(string? from, string? to)
    {
        if (from == to)
        {
            return true;
        }

        if (from is null || to is null || Varchar().Match(from) is not { Success: true } old)
        {
            return false;
        }

        if (to == "text")
        {
            return true;
        }

        return Varchar().Match(to) is { Success: true } now
            && int.Parse(now.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= int.Parse(old.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void CheckOperation(MigrationOperation operation, IReadOnlySet<string> existing, LiveSchemaFacts facts, List<SafetyFinding> findings)
    {
        switch (operation)
        {
            case CreateTableOperation create:
                CheckTableName(create.Name, findings);
                if (existing.Contains(create.Name) || facts.Tables.ContainsKey(create.Name))
                {
                    findings.Add(Error("table-exists", $"table {create.Name} already exists in the database; a new entity needs a table of its own"));
                }

                foreach (var column in create.Columns)
                {
                    CheckColumn(create.Name, column, newTable: true, findings);
                }

                CheckName(create.PrimaryKey?.Name, findings);
                foreach (var key in create.ForeignKeys)
                {
                    CheckName(key.Name, findings);
                }

                break;
            case AddColumnOperation add:
                RequireLiveTable(add.Table, facts, findings);
                CheckColumn(add.Table, add, newTable: !existing.Contains(add.Table), findings);
                break;
            case AlterColumnOperation alter:
                RequireLiveTable(alter.Table, facts, findings);
                CheckAlterColumn(alter, findings);
                break;
            case CreateIndexOperation index:
                CheckName(index.Name, findings);
                if (index.IsUnique && existing.Contains(index.Table))
                {
                    findings.Add(Error("unique-index", $"a unique index on the existing table {index.Table} could fail on existing rows"));
                }

                break;
            case AddForeignKeyOperation key:
                CheckName(key.Name, findings);
                break;
            case AlterTableOperation table when table.GetAnnotations().SequenceEqual(table.OldTable.GetAnnotations()):
                break;
            case AlterTableOperation:
                findings.Add(Error("unexpected-operation", $"{operation.GetType().Name} changes more than the table comment"));
                break;
            case DropTableOperation drop:
                findings.Add(Error("drop-table", $"table {drop.Name} would be dropped; tables are never dropped (mark the entity \"retired\": true)"));
                break;
            case DropColumnOperation drop:
                findings.Add(Error("drop-column", $"column {drop.Table}.{drop.Name} would be dropped; columns are never dropped (mark the field \"deprecated\": true)"));
                break;
            case RenameTableOperation rename:
                findings.Add(Error("rename-table", $"table {rename.Name} would be renamed to {rename.NewName}; renames break running code"));
                break;
            case RenameColumnOperation rename:
                findings.Add(Error("rename-column", $"column {rename.Table}.{rename.Name} would be renamed to {rename.NewName}; renames break running code"));
                break;
            case RenameIndexOperation or RenameSequenceOperation:
                findings.Add(Error("rename", $"{operation.GetType().Name} would rename an object; renames are not allowed"));
                break;
            case DropIndexOperation or DropForeignKeyOperation or DropPrimaryKeyOperation or DropUniqueConstraintOperation
                or DropCheckConstraintOperation or DropSequenceOperation or DropSchemaOperation:
                findings.Add(Error("drop", $"{operation.GetType().Name} would drop an object; a dynamic migration only adds"));
                break;
            default:
                findings.Add(Error("unexpected-operation", $"{operation.GetType().Name} is not an operation a dynamic migration may contain"));
                break;
        }
    }

    private static void CheckAlterColumn(AlterColumnOperation alter, List<SafetyFinding> findings)
    {
        var old = alter.OldColumn;
        var name = $"{alter.Table}.{alter.Name}";
        if (!IsWidening(old.ColumnType, alter.ColumnType))
        {
            findings.Add(Error("type-change", $"column {name} changes type from {old.ColumnType} to {alter.ColumnType}; only varchar(n) → varchar(m ≥ n) or text avoids a table rewrite"));
        }

        if (old.IsNullable && !alter.IsNullable)
        {
            findings.Add(Error("required-on-existing", $"column {name} becomes NOT NULL; that scans the whole table under an exclusive lock and fails on existing nulls"));
        }

        if (alter.DefaultValueSql is { } sql && !IsConstantDefault(sql))
        {
            findings.Add(Error("volatile-default", $"column {name} would get the default {sql}; only constants are allowed"));
        }

        if (old.IsStored != alter.IsStored || old.ComputedColumnSql != alter.ComputedColumnSql || old.Collation != alter.Collation)
        {
            findings.Add(Error("unexpected-operation", $"column {name} changes more than its type, nullability, default or comment"));
        }
    }

    private static void CheckColumn(string table, ColumnOperation column, bool newTable, List<SafetyFinding> findings)
    {
        CheckName(column.Name, findings);
        if (column.DefaultValueSql is { } sql && !IsConstantDefault(sql) && !(newTable && sql == "gen_random_uuid()"))
        {
            findings.Add(Error("volatile-default", $"column {table}.{column.Name} would get the default {sql}, which rewrites the table; only constants are allowed"));
        }

        if (!newTable && !column.IsNullable && column.DefaultValue is null && column.DefaultValueSql is null)
        {
            findings.Add(Error("required-without-default", $"column {table}.{column.Name} is NOT NULL without a default; existing rows would have no value"));
        }

        if (column.ComputedColumnSql is not null)
        {
            findings.Add(Error("unexpected-operation", $"column {table}.{column.Name} is computed; dynamic columns hold data only"));
        }
    }

    /// <summary>now() for the base columns, or a text constant exactly as <see cref="SqlLiteral"/> writes it.</summary>
    private static bool IsConstantDefault(string sql) => NonVolatileDefaults.Contains(sql) || SqlLiteral.IsText(sql);

    private static void RequireLiveTable(string table, LiveSchemaFacts facts, List<SafetyFinding> findings)
    {
        if (!facts.Tables.ContainsKey(table))
        {
            findings.Add(Error("table-missing", $"the applied schema has table {table} but the database does not; the database has drifted from the applied migrations"));
        }
    }

    private static void CheckTableName(string table, List<SafetyFinding> findings)
    {
        CheckName(table, findings);
        if (SchemaNames.IsCoreTable(table))
        {
            findings.Add(Error("core-table", $"{table} is a core table or uses a reserved prefix"));
        }
    }

    private static void CheckName(string? name, List<SafetyFinding> findings)
    {
        if (name is null)
        {
            return;
        }

        if (!SchemaNames.IsPlainIdentifier(name))
        {
            findings.Add(Error("identifier", $"'{name}' is not a plain identifier (^[a-z_][a-z0-9_]*$)"));
        }
        else if (SchemaNames.IsTooLong(name))
        {
            findings.Add(Error("identifier-too-long", $"'{name}' is longer than {SchemaNames.MaxIdentifierBytes} bytes"));
        }
        else if (SchemaNames.IsReservedWord(name))
        {
            findings.Add(Error("reserved-word", $"'{name}' is a PostgreSQL reserved word"));
        }
    }

    private static SafetyFinding Error(string rule, string message) => new(rule, SafetyFinding.Error, message);

    [GeneratedRegex(@"^character varying\((\d+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Varchar();
}
