using Monolith.Configuration;
using Monolith.Database;
using Npgsql;

namespace Monolith.Schema;

/// <summary>How <see cref="SchemaWatcher"/> hears of schema changes: its session connection (DATABASE_DIRECT_URL) and fallback poll (SCHEMA_POLL_SECONDS).</summary>
/// <param name="DirectConnectionString">A connection that bypasses a transaction-mode pooler (LISTEN needs a session), or null to use DATABASE_URL.</param>
public sealed record SchemaWatchSettings(string? DirectConnectionString, TimeSpan PollInterval)
{
    public const int DefaultPollSeconds = 5;

    public static SchemaWatchSettings Read(SettingReader settings)
    {
        var direct = settings.Text("DATABASE_DIRECT_URL");
        var poll = settings.Number("SCHEMA_POLL_SECONDS", DefaultPollSeconds, 1, 3600);
        return new SchemaWatchSettings(direct is null ? null : DatabaseSettings.Parse(direct).ConnectionString, TimeSpan.FromSeconds(poll));
    }

    /// <summary>The watcher's own unpooled connection: closed for real on reconnect, kept alive so a dead peer is noticed.</summary>
    public string ListenConnectionString(DatabaseSettings database) =>
        new NpgsqlConnectionStringBuilder(DirectConnectionString ?? database.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = SchemaWatcher.ApplicationName,
        }.ConnectionString;
}
