using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Monolith.Database;

/// <summary>Applies and reports the core schema: every module's migrations, in module order.</summary>
public sealed partial class CoreMigrator(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleSchema> schemas,
    NpgsqlDataSource dataSource,
    ILogger<CoreMigrator> logger)
{
    // Registration order is module order: a module's migrations may rely on the tables of modules listed before it.
    private readonly IReadOnlyList<ModuleSchema> ordered = [.. schemas];
    private IReadOnlyList<(string Name, IReadOnlyList<string> Migrations)>? known;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        foreach (var schema in ordered)
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = schema.Resolve(scope.ServiceProvider);
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0)
            {
                continue;
            }

            LogApplying(logger, schema.Module, pending);
            await context.Database.OpenConnectionAsync(cancellationToken);
            foreach (var (name, value) in schema.SessionSettings)
            {
                await using var set = context.Database.GetDbConnection().CreateCommand();
                set.CommandText = "SELECT set_config(@name, @value, false)";
                set.Parameters.Add(new NpgsqlParameter("name", name));
                set.Parameters.Add(new NpgsqlParameter("value", value));
                await set.ExecuteNonQueryAsync(cancellationToken);
            }

            await context.Database.MigrateAsync(cancellationToken);
        }

        // Migrations may have created types (vector) that this data source has not seen yet.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ReloadTypesAsync(cancellationToken);
    }

    /// <summary>Each module's migrations that the history table does not record, as "module:migration".</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        var applied = await AppliedIdsAsync(cancellationToken);
        return [.. Known().SelectMany(module => module.Migrations.Where(m => !applied.Contains(m)).Select(m => $"{module.Name}:{m}"))];
    }

    /// <summary>Each module's migrations that the history table records, as "module:migration".</summary>
    public async Task<IReadOnlyList<string>> AppliedAsync(CancellationToken cancellationToken)
    {
        var applied = await AppliedIdsAsync(cancellationToken);
        return [.. Known().SelectMany(module => module.Migrations.Where(applied.Contains).Select(m => $"{module.Name}:{m}"))];
    }

    /// <summary>
    /// Every module records its migrations in the one history table, and EF reads that table whole, so one context
    /// reads them all: /health/ready asks on every call, and one read beats one per module.
    /// </summary>
    private async Task<HashSet<string>> AppliedIdsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = ordered[0].Resolve(scope.ServiceProvider);
        return [.. await context.Database.GetAppliedMigrationsAsync(cancellationToken)];
    }

    /// <summary>The migrations compiled into each module, in module order; they cannot change while the process runs.</summary>
    private IReadOnlyList<(string Name, IReadOnlyList<string> Migrations)> Known()
    {
        if (known is null)
        {
            using var scope = scopes.CreateScope();
            known = [.. ordered.Select(schema => (schema.Module, (IReadOnlyList<string>)[.. schema.Resolve(scope.ServiceProvider).Database.GetMigrations()]))];
        }

        return known;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying core migrations of {Module}: {Migrations}")]
    private static partial void LogApplying(ILogger logger, string module, IReadOnlyList<string> migrations);
}
