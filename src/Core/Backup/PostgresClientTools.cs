using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Monolith.Backup;

/// <summary>
/// Finds pg_dump / pg_restore for a server: the Debian per-version install of the server's major version first
/// (/usr/lib/postgresql/N/bin), else the program on PATH, which must not be older than the server.
/// </summary>
public sealed partial class PostgresClientTools(string versionedRoot, string? searchPath)
{
    public const string DebianVersionedRoot = "/usr/lib/postgresql";

    /// <summary>Programs already found, per server major version: a backup before every migration need not look again.</summary>
    private readonly ConcurrentDictionary<(string Program, int ServerMajor), string> found = new();

    public static PostgresClientTools FromEnvironment() => new(DebianVersionedRoot, Environment.GetEnvironmentVariable("PATH"));

    /// <summary>The full path of <paramref name="program"/> able to talk to a server of <paramref name="serverMajor"/>.</summary>
    public async Task<string> FindAsync(string program, int serverMajor, CancellationToken cancellationToken)
    {
        if (found.TryGetValue((program, serverMajor), out var known))
        {
            return known;
        }

        var path = await LookAsync(program, serverMajor, cancellationToken);
        found[(program, serverMajor)] = path;
        return path;
    }

    private async Task<string> LookAsync(string program, int serverMajor, CancellationToken cancellationToken)
    {
        var versioned = Path.Combine(versionedRoot, serverMajor.ToString(CultureInfo.InvariantCulture), "bin", program);
        if (File.Exists(versioned))
        {
            return versioned;
        }

        var onPath = (searchPath ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists)
            ?? throw new BackupException(
                $"{program} not found (looked in {Path.GetDirectoryName(versioned)} and on PATH): install the PostgreSQL {serverMajor} client programs (Debian: postgresql-client-{serverMajor})");

        var (_, output, _) = await ClientProcess.RunAsync(onPath, ["--version"], new Dictionary<string, string?>(), null, cancellationToken);
        var major = MajorVersion(output)
            ?? throw new BackupException($"{onPath} --version did not print a PostgreSQL version");
        if (major < serverMajor)
        {
            throw new BackupException(
                $"{onPath} is PostgreSQL {major}, older than the server ({serverMajor}): install postgresql-client-{serverMajor}");
        }

        return onPath;
    }

    /// <summary>The major version in a line such as "pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)".</summary>
    public static int? MajorVersion(string versionOutput)
    {
        var match = VersionPattern().Match(versionOutput);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"\(PostgreSQL\)\s+(\d+)")]
    private static partial Regex VersionPattern();
}
