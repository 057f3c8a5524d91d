using Microsoft.Extensions.DependencyInjection;
using Monolith.Backup;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Backup;

public sealed class BackupNeverLeavesAFileThatLooksComplete(MonolithFixture fixture) : IntegrationTest(fixture), IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("monolith-backup-").FullName;

    private DatabaseBackup Backup => Fixture.Host.Services.GetRequiredService<DatabaseBackup>();

    [Fact]
    public async Task CancellingMidDumpKillsPgDumpAndRemovesThePartialFile()
    {
        await CoreTableContents.FillAsync(Fixture.ConnectionString);
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelOnLine("pg_dump: reading extensions", cancellation);
        var target = Path.Combine(folder, "cancelled.dump");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Backup.BackupAsync(new BackupRequest(OutputPath: target, Progress: progress), cancellation.Token));

        Assert.True(progress.Seen);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
        Assert.Equal("cancelled", await LastFailureAsync());
    }

    [Fact]
    public async Task AnExistingFileIsNeverOverwritten()
    {
        var existing = Path.Combine(folder, "keep.dump");
        await File.WriteAllTextAsync(existing, "precious");

        var error = await Assert.ThrowsAsync<BackupException>(() => Backup.BackupAsync(new BackupRequest(OutputPath: existing), CancellationToken.None));

        Assert.Equal($"{existing} already exists: choose a new file name", error.Message);
        Assert.Equal("precious", await File.ReadAllTextAsync(existing));
        Assert.Equal(error.Message, await LastFailureAsync());
    }

    [Fact]
    public async Task AMissingFolderIsNamed()
    {
        var target = Path.Combine(folder, "missing", "x.dump");

        var error = await Assert.ThrowsAsync<BackupException>(() => Backup.BackupAsync(new BackupRequest(OutputPath: target), CancellationToken.None));

        Assert.Equal($"the folder of {target} does not exist", error.Message);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<string?> LastFailureAsync()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT details->>'error' FROM audit_log WHERE action = 'backup' AND status = 'failure' ORDER BY id DESC LIMIT 1", connection);
        return (string?)await command.ExecuteScalarAsync();
    }

    private sealed class CancelOnLine(string prefix, CancellationTokenSource cancellation) : IProgress<string>
    {
        public bool Seen { get; private set; }

        public void Report(string value)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                Seen = true;
                cancellation.Cancel();
            }
        }
    }
}
