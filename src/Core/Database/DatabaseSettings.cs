using Monolith.Configuration;
using Npgsql;

namespace Monolith.Database;

/// <summary>The connection string and pool settings (DATABASE_URL, DB_POOL_*, DB_CONNECT_TIMEOUT_SECONDS, HNSW_EF_SEARCH).</summary>
public sealed record DatabaseSettings(string ConnectionString)
{
    public const int DefaultHnswEfSearch = 100;

    public static DatabaseSettings Read(SettingReader settings)
    {
        var url = settings.RequiredText("DATABASE_URL", "tools/run and tools/test provide the embedded cluster; otherwise set postgres://user:pass@host:port/db");
        var builder = Parse(url);
        builder.MaxPoolSize = settings.Number("DB_POOL_MAX", 10, 1, 1000);
        builder.ConnectionIdleLifetime = settings.Number("DB_POOL_IDLE_SECONDS", 30, 1, 86_400);
        builder.Timeout = settings.Number("DB_CONNECT_TIMEOUT_SECONDS", 5, 1, 1024);
        builder.ApplicationName ??= "monolith";
        var efSearch = settings.Number("HNSW_EF_SEARCH", DefaultHnswEfSearch, 1, 1000);
        // Startup options become each session's reset values, so pool resets (DISCARD ALL) keep them.
        builder.Options = $"-c hnsw.ef_search={efSearch} -c hnsw.iterative_scan=relaxed_order {builder.Options}".Trim();
        return new DatabaseSettings(builder.ConnectionString);
    }

    /// <summary>Accepts postgres:// or postgresql:// URLs and Npgsql keyword connection strings.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUrl(value);
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new ConfigurationException("DATABASE_URL has no host: use postgres://user:pass@host:port/db or 'Host=...;Database=...'");
            }

            return builder;
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException($"DATABASE_URL is not a valid URL or connection string: {e.Message}");
        }
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ConfigurationException("DATABASE_URL is not a valid postgres:// URL");
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0)
        {
            throw new ConfigurationException("DATABASE_URL names no database: add /dbname to the URL");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = database,
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var setting = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
            try
            {
                builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = setting;
            }
            catch (ArgumentException)
            {
                throw new ConfigurationException($"DATABASE_URL has an unknown query parameter '{key}'");
            }
        }

        return builder;
    }
}
