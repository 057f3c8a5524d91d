using System.Diagnostics;
using Monolith.Backup;

namespace Monolith.Tests.Core.Backup;

public sealed class MissingClientProgramIsExplained : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("monolith-tools-").FullName;

    [Fact]
    public async Task NoPgDumpAnywhereNamesThePackageToInstall()
    {
        var tools = new PostgresClientTools(folder, folder);

        var error = await Assert.ThrowsAsync<BackupException>(() => tools.FindAsync("pg_dump", 15, CancellationToken.None));

        Assert.Equal(
            $"pg_dump not found (looked in {folder}/15/bin and on PATH): install the PostgreSQL 15 client programs (Debian: postgresql-client-15)",
            error.Message);
    }

    [Fact]
    public async Task TheServersOwnMajorVersionIsPreferred()
    {
        var versioned = Path.Combine(folder, "15", "bin");
        Directory.CreateDirectory(versioned);
        var realPgDump = await new PostgresClientTools(PostgresClientTools.DebianVersionedRoot, Environment.GetEnvironmentVariable("PATH"))
            .FindAsync("pg_dump", 15, CancellationToken.None);
        File.CreateSymbolicLink(Path.Combine(versioned, "pg_dump"), realPgDump);

        var found = await new PostgresClientTools(folder, Environment.GetEnvironmentVariable("PATH")).FindAsync("pg_dump", 15, CancellationToken.None);

        Assert.Equal(Path.Combine(versioned, "pg_dump"), found);
    }

    [Fact]
    public async Task APgDumpOlderThanTheServerIsRefused()
    {
        var onPath = await new PostgresClientTools(folder, Environment.GetEnvironmentVariable("PATH")).FindAsync("pg_dump", 15, CancellationToken.None);
        var major = PostgresClientTools.MajorVersion(await VersionOfAsync(onPath))!.Value;

        var error = await Assert.ThrowsAsync<BackupException>(
            () => new PostgresClientTools(folder, Environment.GetEnvironmentVariable("PATH")).FindAsync("pg_dump", major + 1, CancellationToken.None));

        Assert.Equal($"{onPath} is PostgreSQL {major}, older than the server ({major + 1}): install postgresql-client-{major + 1}", error.Message);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<string> VersionOfAsync(string program)
    {
        using var process = Process.Start(new ProcessStartInfo(program, "--version") { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
