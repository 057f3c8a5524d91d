using Monolith.Configuration;
using Monolith.Database;
using Monolith.Http;
using Npgsql;

namespace Monolith.Host;

/// <summary>Builds and runs the web service: configuration, modules, middleware, endpoints, start-up migrations.</summary>
public static class MonolithApplication
{
    /// <param name="configure">Lets tests add configuration and swap the server before any setting is read.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var settings = new SettingReader(builder.Configuration);
        var host = HostSettings.Read(settings);
        builder.WebHost.UseUrls(host.Url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024);
        ConfigureLogging(builder.Logging, host.JsonLogs);
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<OpenApiConventions>();
            options.AddSchemaTransformer<AllowedValuesInOpenApi>();
            options.AddSchemaTransformer<NumbersInOpenApi>();
            options.AddSchemaTransformer<ChangeRequestInOpenApi>();
        });
        builder.Services.AddMonolithServiceModules(settings);

        var app = builder.Build();
        app.UseHttpModule();
        app.MapOpenApi().RequireAuthorization(AccessPolicy.Service);
        app.MapMonolithEndpoints();
        return app;
    }

    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            await PrepareAsync(app.Services, app.Lifetime.ApplicationStopping);
        }
        catch (ConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"monolith: {e.Message}");
            return 2;
        }

        await app.RunAsync();
        return 0;
    }

    /// <summary>What start-up must finish before the first request: the schema is current.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<CoreMigrator>().MigrateAsync(cancellationToken);
            await services.GetRequiredService<Monolith.Mechanic.DynamicMigrator>().MigrateAsync(cancellationToken);
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            throw new ConfigurationException($"DATABASE_URL: cannot reach the database ({e.Message})");
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification
            or PostgresErrorCodes.InvalidCatalogName)
        {
            throw new ConfigurationException($"DATABASE_URL: {e.MessageText}");
        }
    }

    private static void ConfigureLogging(ILoggingBuilder logging, bool json)
    {
        logging.ClearProviders();
        if (json)
        {
            logging.AddJsonConsole(options => options.UseUtcTimestamp = true);
        }
        else
        {
            logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
            });
        }

        logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // EF logs its probe of a not-yet-created history table as an error on first start; real failures surface as exceptions.
        logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
    }
}
