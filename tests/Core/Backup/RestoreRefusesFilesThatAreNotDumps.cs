using Microsoft.Extensions.DependencyInjection;
using Monolith.Backup;
using Monolith.Host.Cli;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Backup;

public sealed class RestoreRefusesFilesThatAreNotDumps(MonolithFixture fixture) : IntegrationTest(fixture), IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("monolith-backup-").FullName;

    public static TheoryData<string, string> NotDumps => new()
    {
        { "script.sql", "CREATE TABLE evil (id int); DROP TABLE agents;" },
        { "empty.dump", string.Empty },
        { "short.dump", "PGDM" },
        { "lookalike.dump", "PGDMX and then garbage" },
    };

    [Theory]
    [MemberData(nameof(NotDumps))]
    public async Task TheFileIsCheckedBeforePgRestoreRuns(string name, string content)
    {
        var file = Path.Combine(folder, name);
        await File.WriteAllTextAsync(file, content);
        await using var empty = await TestDatabase.CreateAsync("monolith_restore");
        var output = new StringWriter();

        var exitCode = await OperatorCli.RunAsync(["restore", file], output, TestHost.Settings(empty.ConnectionString));

        Assert.Equal(1, exitCode);
        Assert.Contains($"restore failed: {file} is not a pg_dump custom-format archive", output.ToString(), StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(empty.ConnectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
        Assert.Equal(0L, await tables.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AMissingFileIsNamed()
    {
        var backup = Fixture.Host.Services.GetRequiredService<DatabaseBackup>();
        var missing = Path.Combine(folder, "nope.dump");

        var error = await Assert.ThrowsAsync<BackupException>(() => backup.RestoreAsync(new RestoreRequest(missing), CancellationToken.None));

        Assert.Equal($"{missing} does not exist", error.Message);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
