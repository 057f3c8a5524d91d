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
    private readonly IReadOnlyList<ModuleSchema> ordered = [.. schemas.OrderBy(s => s.Order)];

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

    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = new List<string>();
        foreach (var schema in ordered)
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = schema.Resolve(scope.ServiceProvider);
            pending.AddRange((await context.Database.GetPendingMigrationsAsync(cancellationToken)).Select(m => $"{schema.Module}:{m}"));
        }

        return pending;
    }

    public async Task<IReadOnlyList<string>> AppliedAsync(CancellationToken cancellationToken)
    {
        var applied = new List<string>();
        foreach (var schema in ordered)
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = schema.Resolve(scope.ServiceProvider);
            var known = context.Database.GetMigrations().ToHashSet();
            applied.AddRange((await context.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(known.Contains).Select(m => $"{schema.Module}:{m}"));
        }

        return applied;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying core migrations of {Module}: {Migrations}")]
    private static partial void LogApplying(ILogger logger, string module, IReadOnlyList<string> migrations);
}
