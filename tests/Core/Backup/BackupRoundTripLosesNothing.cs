using Microsoft.Extensions.DependencyInjection;
using Monolith.Backup;
using Monolith.Host.Cli;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Backup;

public sealed class BackupRoundTripLosesNothing(MonolithFixture fixture) : IntegrationTest(fixture), IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("monolith-backup-").FullName;

    [Fact]
    public async Task EveryRowOfEveryTableComesBackFromTheDump()
    {
        await CoreTableContents.FillAsync(Fixture.ConnectionString);
        var before = await CoreTableContents.FingerprintAsync(Fixture.ConnectionString, "backup", "restore");
        Assert.All(CoreTableContents.FilledTables, table => Assert.True(before[table].Rows > 0, $"{table} was not filled"));

        var backup = Fixture.Host.Services.GetRequiredService<DatabaseBackup>();
        var dump = await backup.BackupAsync(new BackupRequest(OutputPath: Path.Combine(folder, "round-trip.dump")), CancellationToken.None);
        Assert.Equal(new FileInfo(dump.Path).Length, dump.SizeBytes);

        await using var target = await TestDatabase.CreateAsync("monolith_restore");
        var output = new StringWriter();
        var exitCode = await OperatorCli.RunAsync(["restore", dump.Path], output, TestHost.Settings(target.ConnectionString));
        Assert.True(exitCode == 0, output.ToString());

        var after = await CoreTableContents.FingerprintAsync(target.ConnectionString, "backup", "restore");
        Assert.Equal(before, after);

        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync();
        await using var restoreAudit = new NpgsqlCommand("SELECT count(*) FROM audit_log WHERE action = 'restore' AND status = 'success'", connection);
        Assert.Equal(1L, await restoreAudit.ExecuteScalarAsync());
        // The restored sequences continue after the restored rows: the restore's own audit row above got a fresh id.
        await using var ids = new NpgsqlCommand("SELECT count(*) = count(DISTINCT id) FROM audit_log", connection);
        Assert.Equal(true, await ids.ExecuteScalarAsync());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
