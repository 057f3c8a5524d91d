using Microsoft.Extensions.DependencyInjection;
using Monolith.Backup;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Backup;

public sealed class RestoreRefusesANonEmptyDatabase(MonolithFixture fixture) : IntegrationTest(fixture), IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("monolith-backup-").FullName;

    [Fact]
    public async Task LiveDataIsLeftAloneAndTheRefusalIsAudited()
    {
        await CoreTableContents.FillAsync(Fixture.ConnectionString);
        var backup = Fixture.Host.Services.GetRequiredService<DatabaseBackup>();
        var dump = await backup.BackupAsync(new BackupRequest(OutputPath: Path.Combine(folder, "live.dump")), CancellationToken.None);
        var before = await CoreTableContents.FingerprintAsync(Fixture.ConnectionString, "backup", "restore");

        var refusal = await Assert.ThrowsAsync<BackupException>(() => backup.RestoreAsync(new RestoreRequest(dump.Path), CancellationToken.None));

        Assert.Contains("restore needs an empty database", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("public.agents", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CoreTableContents.FingerprintAsync(Fixture.ConnectionString, "backup", "restore"));
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var audit = new NpgsqlCommand("SELECT details->>'error' FROM audit_log WHERE action = 'restore' AND status = 'failure'", connection);
        Assert.Equal(refusal.Message, await audit.ExecuteScalarAsync());
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
