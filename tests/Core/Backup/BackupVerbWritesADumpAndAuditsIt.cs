using System.Text.Json;
using System.Text.RegularExpressions;
using Monolith.Host.Cli;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Backup;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class BackupVerbWritesADumpAndAuditsIt(MonolithFixture fixture) : IntegrationTest(fixture), IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("monolith-backup-").FullName;

    [Fact]
    public async Task WithoutOutTheDumpGoesToAPrivateBackupDirUnderATimestampedName()
    {
        var backupDir = Path.Combine(folder, "nested", "backups");
        var output = new StringWriter();

        var exitCode = await OperatorCli.RunAsync(["backup", "--label", "nightly run/1"], output, Settings(backupDir));

        Assert.True(exitCode == 0, output.ToString());
        var file = Assert.Single(Directory.GetFiles(backupDir));
        Assert.Matches(TimestampedName(), Path.GetFileName(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(backupDir));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal("PGDMP"u8.ToArray(), (await File.ReadAllBytesAsync(file))[..5]);
        var text = output.ToString();
        Assert.Contains("pg_dump: dumping contents of table \"public.audit_log\"", text, StringComparison.Ordinal);
        Assert.Contains($"backup written: {file}", text, StringComparison.Ordinal);

        var audit = await LastAuditAsync("backup");
        Assert.Equal("success", audit.Status);
        Assert.Equal(file, audit.Details.GetProperty("path").GetString());
        Assert.Equal(new FileInfo(file).Length, audit.Details.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("nightly-run-1", audit.Details.GetProperty("label").GetString());
        Assert.True(audit.Details.GetProperty("durationMs").GetInt64() >= 0);
    }

    [Fact]
    public async Task OutNamesTheFile()
    {
        var file = Path.Combine(folder, "chosen.dump");
        var output = new StringWriter();

        var exitCode = await OperatorCli.RunAsync(["backup", "--out", file], output, Settings(Path.Combine(folder, "unused")));

        Assert.True(exitCode == 0, output.ToString());
        Assert.True(File.Exists(file));
        Assert.False(Directory.Exists(Path.Combine(folder, "unused")));
        Assert.Equal(file, (await LastAuditAsync("backup")).Details.GetProperty("path").GetString());
    }

    [Fact]
    public async Task HelpAndMistypedOptionsAreAnswered()
    {
        var help = new StringWriter();
        Assert.Equal(0, await OperatorCli.RunAsync(["backup", "--help"], help, Settings(folder)));
        Assert.Contains("usage: tools/monolith backup [--out FILE] [--label TEXT]", help.ToString(), StringComparison.Ordinal);

        var restoreHelp = new StringWriter();
        Assert.Equal(0, await OperatorCli.RunAsync(["restore", "--help"], restoreHelp, Settings(folder)));
        Assert.Contains("usage: tools/monolith restore FILE", restoreHelp.ToString(), StringComparison.Ordinal);

        Assert.Equal(64, await OperatorCli.RunAsync(["backup", "--output", "x.dump"], new StringWriter(), Settings(folder)));
        Assert.Equal(64, await OperatorCli.RunAsync(["restore"], new StringWriter(), Settings(folder)));
        Assert.Empty(Directory.GetFiles(folder));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Dictionary<string, string?> Settings(string backupDir)
    {
        var settings = TestHost.Settings(Fixture.ConnectionString);
        settings["BACKUP_DIR"] = backupDir;
        return settings;
    }

    private async Task<(string Status, JsonElement Details)> LastAuditAsync(string action)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT status, details::text FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = action });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no {action} audit row");
        return (reader.GetString(0), JsonDocument.Parse(reader.GetString(1)).RootElement.Clone());
    }

    [GeneratedRegex(@"^\d{8}T\d{6}Z-nightly-run-1\.dump$")]
    private static partial Regex TimestampedName();
}
