using Microsoft.Extensions.Configuration;
using Monolith.Configuration;
using Monolith.Database;

namespace Monolith.Tests.Core.Database;

public sealed class DatabaseUrlAcceptsBothForms
{
    [Fact]
    public void PostgresUrlBecomesConnectionSettings()
    {
        var builder = DatabaseSettings.Parse("postgres://bot%40x:p%3Ass@db.internal:6543/monolith?sslmode=require");
        Assert.Equal("db.internal", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("monolith", builder.Database);
        Assert.Equal("bot@x", builder.Username);
        Assert.Equal("p:ss", builder.Password);
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
    }

    [Fact]
    public void UrlWithoutPortUsesTheDefault()
    {
        Assert.Equal(5432, DatabaseSettings.Parse("postgresql://u@localhost/db").Port);
    }

    [Fact]
    public void KeywordConnectionStringIsAccepted()
    {
        var builder = DatabaseSettings.Parse("Host=127.0.0.1;Port=5433;Database=x;Username=u");
        Assert.Equal(5433, builder.Port);
        Assert.Equal("x", builder.Database);
    }

    [Theory]
    [InlineData("postgres://host-only")]
    [InlineData("postgres://u@h/db?nonsense=1")]
    [InlineData("Database=x")]
    [InlineData("this is not a connection string")]
    public void InvalidValuesAreConfigurationErrors(string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => DatabaseSettings.Parse(value));
        Assert.StartsWith("DATABASE_URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PoolSettingsAndHnswOptionsReachTheConnectionString()
    {
        var reader = new SettingReader(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = "postgres://u:p@h:1/db",
            ["DB_POOL_MAX"] = "7",
            ["DB_POOL_IDLE_SECONDS"] = "12",
            ["DB_CONNECT_TIMEOUT_SECONDS"] = "3",
        }).Build());
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseSettings.Read(reader).ConnectionString);
        Assert.Equal(7, builder.MaxPoolSize);
        Assert.Equal(12, builder.ConnectionIdleLifetime);
        Assert.Equal(3, builder.Timeout);
        Assert.Contains("hnsw.iterative_scan=relaxed_order", builder.Options, StringComparison.Ordinal);
        Assert.Contains("hnsw.ef_search=100", builder.Options, StringComparison.Ordinal);
    }
}
