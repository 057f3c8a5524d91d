using System.Globalization;
using Npgsql;

namespace Monolith.Backup;

/// <summary>
/// The libpq environment (PGHOST, PGPASSWORD, ...) that points pg_dump and pg_restore at the database of an Npgsql
/// connection string. The password goes through the environment because a command line is visible to every local user.
/// </summary>
public static class LibpqEnvironment
{
    public static IReadOnlyDictionary<string, string?> For(string connectionString, string applicationName)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PGHOST"] = builder.Host,
            ["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture),
            ["PGDATABASE"] = builder.Database,
            ["PGUSER"] = builder.Username,
            ["PGPASSWORD"] = builder.Password,
            ["PGPASSFILE"] = builder.Passfile,
            ["PGSSLMODE"] = SslMode(builder.SslMode),
            ["PGSSLROOTCERT"] = builder.RootCertificate,
            ["PGSSLCERT"] = builder.SslCertificate,
            ["PGSSLKEY"] = builder.SslKey,
            ["PGCONNECT_TIMEOUT"] = builder.Timeout.ToString(CultureInfo.InvariantCulture),
            ["PGAPPNAME"] = applicationName,
        };
        // Inherited PG* variables (PGSERVICE, PGOPTIONS, PGHOSTADDR, ...) could silently point the tool elsewhere.
        foreach (var inherited in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (inherited.StartsWith("PG", StringComparison.Ordinal) && !environment.ContainsKey(inherited))
            {
                environment[inherited] = null;
            }
        }

        return environment;
    }

    private static string SslMode(Npgsql.SslMode mode) => mode switch
    {
        Npgsql.SslMode.Disable => "disable",
        Npgsql.SslMode.Allow => "allow",
        Npgsql.SslMode.Require => "require",
        Npgsql.SslMode.VerifyCA => "verify-ca",
        Npgsql.SslMode.VerifyFull => "verify-full",
        _ => "prefer",
    };
}
