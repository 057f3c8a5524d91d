using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Configuration;
using Npgsql;

namespace Monolith.Database;

/// <summary>The one NpgsqlDataSource (with pgvector) and the registration every module's DbContext goes through.</summary>
public static class DatabaseModule
{
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public static IServiceCollection AddDatabaseModule(this IServiceCollection services, SettingReader settings)
    {
        var database = DatabaseSettings.Read(settings);
        services.AddSingleton(database);
        services.AddSingleton(_ => BuildDataSource(database.ConnectionString));
        services.AddSingleton<CoreMigrator>();
        return services;
    }

    public static NpgsqlDataSource BuildDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseVector();
        builder.EnableDynamicJson();
        return builder.Build();
    }

    /// <summary>
    /// Registers a module's DbContext on the shared data source; the module's schema joins the core migrations, which
    /// apply in the order the modules are registered (the order src/Host/MonolithModules.cs lists them).
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(
        this IServiceCollection services, string module, IReadOnlyDictionary<string, string>? sessionSettings = null)
        where TContext : DbContext
    {
        services.AddDbContext<TContext>((provider, options) => Configure(options, provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton(new ModuleSchema(module, typeof(TContext), sessionSettings ?? new Dictionary<string, string>()));
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql =>
        {
            npgsql.UseVector();
            npgsql.MigrationsHistoryTable(MigrationsHistoryTable);
        });
}
