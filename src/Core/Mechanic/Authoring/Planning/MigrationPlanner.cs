using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>
/// Computes a dynamic migration with EF Core's own machinery: the previous model rebuilt from the snapshot, the next one
/// from the compiled types, <see cref="IMigrationsModelDiffer"/> between them, the safety rules on the operations, and
/// Npgsql's <see cref="IMigrationsSqlGenerator"/> for the SQL, with lock-heavy DDL on existing tables made concurrent.
/// </summary>
public static class MigrationPlanner
{
    /// <summary>
    /// Bounds every transactional step: fail fast rather than queue behind (and in front of) live traffic.
    /// standard_conforming_strings on makes a replay by psql read any plain '…' constant as reviewed; the Mechanic's own text
    /// constants are escape strings (<see cref="SqlLiteral"/>) that read the same either way.
    /// </summary>
    public const string TransactionPrelude = "SET LOCAL lock_timeout = '5s';\nSET LOCAL statement_timeout = '60s';\nSET LOCAL standard_conforming_strings = on;";

    /// <summary>
    /// A step of its own before the first concurrent step: PostgreSQL runs a concurrent statement only alone (not even in
    /// a batch), so its lock wait is bounded by session settings. The index build itself is not time-limited because it
    /// may legitimately take long on a large table; it blocks no writes meanwhile.
    /// </summary>
    public const string SessionPrelude = "SET lock_timeout = '5s';\nSET statement_timeout = 0;\nSET standard_conforming_strings = on;";

    /// <summary>Plans the migration from <paramref name="previous"/> to <paramref name="next"/>.</summary>
    /// <remarks>
    /// The EF internal service provider lives only for this call and is disposed before it returns, so nothing of EF keeps
    /// the compiled types (and their collectible load context) alive.
    /// </remarks>
    public static MigrationPlan Plan(IReadOnlyList<EntityShape> previous, IReadOnlyList<EntityShape> next, CompiledSchema compiled, LiveSchemaFacts facts)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(facts);

        var services = new ServiceCollection().AddEntityFrameworkNpgsql();
        services.Replace(ServiceDescriptor.Singleton<IModelCacheKeyFactory, DynamicSchemaContext.PerInstanceModelCacheKey>());
        services.Replace(ServiceDescriptor.Scoped<IMigrationsSqlGenerator, DynamicMigrationsSqlGenerator>());
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = false });
        var options = new DbContextOptionsBuilder()
            .UseNpgsql(npgsql => npgsql.SetPostgresVersion(15, 0))
            .UseInternalServiceProvider(provider)
            .Options;

        // A fresh context (and so a fresh ModelBuilder) for the previous model every time: a reused snapshot model makes
        // the differ see CreateTable where AddColumn is right.
        using var previousContext = new DynamicSchemaContext(options, b => DynamicModel.Configure(b, previous, clrType: null));
        using var nextContext = new DynamicSchemaContext(options, b => DynamicModel.Configure(b, next, compiled.EntityType));
        var previousModel = previous.Count == 0 ? null : previousContext.GetService<IDesignTimeModel>().Model;
        var nextModel = nextContext.GetService<IDesignTimeModel>().Model;

        var operations = nextContext.GetService<IMigrationsModelDiffer>()
            .GetDifferences(previousModel?.GetRelationalModel(), nextModel.GetRelationalModel());
        var existingTables = previous.Select(e => e.Table).ToHashSet(StringComparer.Ordinal);
        var findings = MigrationSafetyRules.Check(operations, existingTables, facts).Concat(DerivedNameRules.Check(operations, next, facts)).ToList();
        if (findings.Count > 0)
        {
            return new MigrationPlan([], findings);
        }

        var steps = new StepWriter(
            nextContext.GetService<IMigrationsSqlGenerator>(),
            nextContext.GetService<ISqlGenerationHelper>(),
            nextModel);
        foreach (var operation in operations)
        {
            steps.Add(operation, existingTables);
        }

        return new MigrationPlan(steps.Finish(), []);
    }

    /// <summary>A one-line description of an operation for reviewers.</summary>
    public static string Describe(MigrationOperation operation) => operation switch
    {
        CreateTableOperation create => $"create table {create.Name}",
        AddColumnOperation add => $"add column {add.Table}.{add.Name} {add.ColumnType}{(add.IsNullable ? "" : " not null")}",
        AlterColumnOperation alter when alter.ColumnType != alter.OldColumn.ColumnType => $"widen column {alter.Table}.{alter.Name} to {alter.ColumnType}",
        AlterColumnOperation alter => $"alter column {alter.Table}.{alter.Name}",
        CreateIndexOperation index => $"create index {index.Name} on {index.Table}",
        AddForeignKeyOperation key => $"add foreign key {key.Name} on {key.Table} to {key.PrincipalTable}",
        AlterTableOperation table => $"comment on table {table.Name}",
        _ => operation.GetType().Name,
    };

    /// <summary>Groups generated commands into steps: one transaction per run of transactional DDL, one step per concurrent statement.</summary>
    private sealed class StepWriter(IMigrationsSqlGenerator generator, ISqlGenerationHelper sql, IModel model)
    {
        private readonly List<MigrationStep> steps = [];
        private readonly StringBuilder batch = new();
        private readonly List<string> batchDescriptions = [];

        public void Add(MigrationOperation operation, HashSet<string> existingTables)
        {
            switch (operation)
            {
                case CreateIndexOperation index when existingTables.Contains(index.Table):
                    AddConcurrentIndex(index);
                    break;
                case AddForeignKeyOperation key when existingTables.Contains(key.Table):
                    AddForeignKeyNotValid(key);
                    break;
                default:
                    foreach (var command in generator.Generate([operation], model))
                    {
                        batch.Append(command.CommandText.TrimEnd()).Append('\n');
                    }

                    batchDescriptions.Add(Describe(operation));
                    break;
            }
        }

        public List<MigrationStep> Finish()
        {
            Flush();
            return steps;
        }

        private void AddConcurrentIndex(CreateIndexOperation index)
        {
            Flush();
            if (steps.All(s => s.Sql != SessionPrelude))
            {
                steps.Add(new MigrationStep(SessionPrelude, InTransaction: false, "session timeouts for the concurrent steps that follow (run a migration's steps on one connection)"));
            }

            // No DROP INDEX before it: a drop by name alone could reach another table's index. An INVALID index that an
            // interrupted build left is found through pg_index on this table and dropped by the runner before every try.
            var columns = string.Join(", ", index.Columns.Select(c => sql.DelimitIdentifier(c)));
            var create = $"CREATE INDEX CONCURRENTLY IF NOT EXISTS {sql.DelimitIdentifier(index.Name)} ON {sql.DelimitIdentifier(index.Table)} ({columns});";
            steps.Add(new MigrationStep(create, InTransaction: false, $"{Describe(index)} concurrently (no write lock)"));
        }

        private void AddForeignKeyNotValid(AddForeignKeyOperation key)
        {
            var table = sql.DelimitIdentifier(key.Table);
            var name = sql.DelimitIdentifier(key.Name);
            var columns = string.Join(", ", key.Columns.Select(c => sql.DelimitIdentifier(c)));
            var principalColumns = string.Join(", ", (key.PrincipalColumns ?? []).Select(c => sql.DelimitIdentifier(c)));
            batch.Append(
                CultureInfo.InvariantCulture,
                $"ALTER TABLE {table} ADD CONSTRAINT {name} FOREIGN KEY ({columns}) REFERENCES {sql.DelimitIdentifier(key.PrincipalTable)} ({principalColumns}) ON DELETE RESTRICT NOT VALID;\n");
            batchDescriptions.Add($"{Describe(key)} (NOT VALID: no scan under the lock)");
            Flush();
            steps.Add(new MigrationStep(
                $"{TransactionPrelude}\nALTER TABLE {table} VALIDATE CONSTRAINT {name};",
                InTransaction: true,
                $"validate foreign key {key.Name} (scans {key.Table} without blocking writes)"));
        }

        private void Flush()
        {
            if (batch.Length == 0)
            {
                return;
            }

            steps.Add(new MigrationStep($"{TransactionPrelude}\n{batch.ToString().TrimEnd()}", InTransaction: true, string.Join("; ", batchDescriptions)));
            batch.Clear();
            batchDescriptions.Clear();
        }
    }
}
