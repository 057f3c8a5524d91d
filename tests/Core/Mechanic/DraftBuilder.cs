using Monolith.Mechanic;
using Monolith.Schema;

namespace Monolith.Tests.Core.Mechanic;

/// <summary>Builds drafts as data: real SQL steps and real files, the way the authoring half hands them to the pipeline.</summary>
public static class DraftBuilder
{
    /// <summary>CREATE TABLE with the base columns and the given (column, sql type) fields, plus an index built CONCURRENTLY.</summary>
    public static SchemaDraft CreateTable(string entity, string table, string migrationId, params (string Field, string Column, FieldType Type, string Sql)[] fields)
    {
        var columns = string.Join(",\n    ", fields.Select(f => $"{f.Column} {f.Sql}"));
        var create = $"""
            CREATE TABLE {table} (
                id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                is_deleted boolean NOT NULL DEFAULT false,
                created_by bigint{(fields.Length > 0 ? ",\n    " + columns : "")}
            )
            """;
        var index = $"CREATE INDEX CONCURRENTLY ix_{table}_created_at ON {table} (created_at)";
        var shape = new EntityShape(entity, table, [.. fields.Select(f => new EntityField(f.Field, f.Column, f.Type))]);
        var source = $"public class {entity} : DynamicEntity\n{{\n{string.Join("\n", fields.Select(f => $"    public string? {f.Field} {{ get; set; }}"))}\n}}\n";
        return Draft(entity, table, migrationId, [new(create, true, $"create table {table}"), new(index, false, $"index {table}.created_at")], source, [shape]);
    }

    /// <summary>ALTER TABLE ... ADD COLUMN (nullable) on an applied entity.</summary>
    public static SchemaDraft AddColumn(SchemaDraft applied, string migrationId, string field, string column, FieldType type, string sql)
    {
        var shape = applied.Entities.Single(e => e.Name == applied.EntityName);
        var widened = shape with { Fields = [.. shape.Fields, new EntityField(field, column, type)] };
        var source = applied.Files.Single(f => f.Path.StartsWith("src/Dynamic/Schema/", StringComparison.Ordinal)).Content
            .Replace("\n}\n", $"\n    public string? {field} {{ get; set; }}\n}}\n", StringComparison.Ordinal);
        return Draft(applied.EntityName, applied.Table, migrationId,
            [new($"ALTER TABLE {applied.Table} ADD COLUMN {column} {sql}", true, $"add nullable column {applied.Table}.{column}")], source, [widened]);
    }

    public static SchemaDraft Draft(string entity, string table, string migrationId, IReadOnlyList<MigrationStep> steps, string source, IReadOnlyList<EntityShape> entities, IReadOnlyList<SafetyFinding>? findings = null)
    {
        var sql = string.Join(";\n\n", steps.Select(s => s.Sql)) + ";\n";
        var files = new List<DraftFile>
        {
            new($"src/Dynamic/Schema/{entity}.cs", source),
            new($"src/Dynamic/Migrations/{migrationId}.sql", sql),
        };
        return new SchemaDraft(entity, table, files, $"+++ {entity}.cs\n", migrationId, steps, sql, $"snapshot after {migrationId}", entities, findings ?? []);
    }

    public static ChangeRequest Request(string instruction = "characters for the story agent") =>
        new(instruction, "test-agent", System.Text.Json.JsonDocument.Parse("""{"name":"Character"}""").RootElement, null);
}
