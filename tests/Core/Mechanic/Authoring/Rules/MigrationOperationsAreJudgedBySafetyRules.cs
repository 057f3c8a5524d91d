using Monolith.Mechanic;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>The operation-level safety rules, the last word after the differ: each unsafe operation is named, each safe one passes.</summary>
public sealed class MigrationOperationsAreJudgedBySafetyRules
{
    private static readonly HashSet<string> Existing = new(StringComparer.Ordinal) { "characters" };
    private static readonly LiveSchemaFacts Facts = new(new Dictionary<string, long> { ["characters"] = 10, ["agents"] = 0 });

    public static TheoryData<string, MigrationOperation> Unsafe => new()
    {
        { "drop-table", new DropTableOperation { Name = "characters" } },
        { "drop-column", new DropColumnOperation { Table = "characters", Name = "age" } },
        { "rename-table", new RenameTableOperation { Name = "characters", NewName = "heroes" } },
        { "rename-column", new RenameColumnOperation { Table = "characters", Name = "age", NewName = "years" } },
        { "drop", new DropIndexOperation { Name = "ix_characters_project_id", Table = "characters" } },
        { "drop", new DropForeignKeyOperation { Name = "fk_characters_project_id", Table = "characters" } },
        { "type-change", Alter("integer", "bigint") },
        { "type-change", Alter("character varying(10)", "character varying(9)") },
        { "type-change", Alter("text", "character varying(10)") },
        { "required-on-existing", Alter("integer", "integer", wasNullable: true, isNullable: false) },
        { "required-without-default", new AddColumnOperation { Table = "characters", Name = "level", ColumnType = "integer", ClrType = typeof(int), IsNullable = false } },
        { "volatile-default", new AddColumnOperation { Table = "characters", Name = "token", ColumnType = "uuid", ClrType = typeof(Guid), DefaultValueSql = "gen_random_uuid()" } },
        { "volatile-default", new AddColumnOperation { Table = "characters", Name = "seen", ColumnType = "double precision", ClrType = typeof(double), DefaultValueSql = "random()" } },
        { "table-exists", new CreateTableOperation { Name = "characters" } },
        { "core-table", new CreateTableOperation { Name = "agents" } },
        { "core-table", new CreateTableOperation { Name = "pg_things" } },
        { "reserved-word", new CreateTableOperation { Name = "user" } },
        { "identifier", new AddColumnOperation { Table = "characters", Name = "Mixed Case", ColumnType = "integer", ClrType = typeof(int), IsNullable = true } },
        { "identifier-too-long", new AddColumnOperation { Table = "characters", Name = new string('a', 64), ColumnType = "integer", ClrType = typeof(int), IsNullable = true } },
        { "table-missing", new AddColumnOperation { Table = "villains", Name = "age", ColumnType = "integer", ClrType = typeof(int), IsNullable = true } },
        { "unique-index", new CreateIndexOperation { Name = "ux_characters_name", Table = "characters", Columns = ["name"], IsUnique = true } },
        { "unexpected-operation", new SqlOperation { Sql = "SELECT pg_sleep(10)" } },
        { "unexpected-operation", new EnsureSchemaOperation { Name = "evil" } },
    };

    public static TheoryData<MigrationOperation> Safe => new()
    {
        new CreateTableOperation { Name = "villains" },
        new AddColumnOperation { Table = "characters", Name = "age", ColumnType = "integer", ClrType = typeof(int), IsNullable = true },
        new AddColumnOperation { Table = "characters", Name = "level", ColumnType = "integer", ClrType = typeof(int), IsNullable = false, DefaultValue = 1 },
        Alter("character varying(10)", "character varying(10)"),
        Alter("character varying(10)", "character varying(11)"),
        Alter("character varying(10)", "text"),
        Alter("integer", "integer", wasNullable: false, isNullable: true),
        new CreateIndexOperation { Name = "ix_characters_age", Table = "characters", Columns = ["age"] },
        new AddForeignKeyOperation { Name = "fk_characters_project_id", Table = "characters", Columns = ["project_id"], PrincipalTable = "projects", PrincipalColumns = ["id"] },
    };

    [Theory]
    [MemberData(nameof(Unsafe))]
    public void UnsafeOperationIsNamed(string rule, MigrationOperation operation)
    {
        var findings = MigrationSafetyRules.Check([operation], Existing, Facts);

        Assert.Contains(findings, f => f.Rule == rule && f.Severity == SafetyFinding.Error);
    }

    [Theory]
    [MemberData(nameof(Safe))]
    public void SafeOperationPasses(MigrationOperation operation)
    {
        Assert.Empty(MigrationSafetyRules.Check([operation], Existing, Facts));
    }

    private static AlterColumnOperation Alter(string from, string to, bool wasNullable = true, bool isNullable = true) => new()
    {
        Table = "characters",
        Name = "name",
        ColumnType = to,
        ClrType = typeof(string),
        IsNullable = isNullable,
        OldColumn = new AddColumnOperation { Table = "characters", Name = "name", ColumnType = from, ClrType = typeof(string), IsNullable = wasNullable },
    };
}
