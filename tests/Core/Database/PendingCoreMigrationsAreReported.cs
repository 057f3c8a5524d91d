using System.Net;
using Monolith.Host.Cli;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Database;

public sealed class PendingCoreMigrationsAreReported
{
    private const string Forgotten = "20261122222850_AddLastSequence";

    [Fact]
    public async Task AMigrationMissingFromTheHistoryFailsReadinessAndStatusNamingItsModule()
    {
        await using var database = await TestDatabase.CreateAsync("monolith_pending");
        await using var host = await TestHost.StartAsync(TestHost.Settings(database.ConnectionString));
        var applied = new StringWriter();
        Assert.Equal(0, await OperatorCli.RunAsync(["status"], applied, TestHost.Settings(database.ConnectionString)));
        Assert.Contains($"  applied  conversations:{Forgotten}", applied.ToString(), StringComparison.Ordinal);

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var forget = new NpgsqlCommand("DELETE FROM __ef_migrations_history WHERE \"MigrationId\" = $1", connection);
            forget.Parameters.Add(new NpgsqlParameter { Value = Forgotten });
            Assert.Equal(1, await forget.ExecuteNonQueryAsync());
        }

        var problem = await (await host.Client(apiKey: null).GetAsync(new Uri("/health/ready", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal($"migrations: Pending core migrations: conversations:{Forgotten}", problem.GetProperty("detail").GetString());
        var status = new StringWriter();
        Assert.Equal(1, await OperatorCli.RunAsync(["status"], status, TestHost.Settings(database.ConnectionString)));
        Assert.Contains($"  pending  conversations:{Forgotten}", status.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain($"applied  conversations:{Forgotten}", status.ToString(), StringComparison.Ordinal);
    }
}
