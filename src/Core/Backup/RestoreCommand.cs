using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Operations;

namespace Monolith.Backup;

/// <summary>tools/monolith restore: restores a dump made by backup into an empty database.</summary>
public sealed class RestoreCommand : IOperatorCommand
{
    public string Name => "restore";

    public string Summary => "restore a backup into an empty database";

    public string Help => """
        usage: tools/monolith restore FILE

        Restores FILE, a dump made by 'tools/monolith backup', into the database of DATABASE_URL
        with pg_restore --exit-on-error --no-owner --single-transaction: on any error nothing is restored.
        The database must be empty (no tables): create a new database, point DATABASE_URL at it, restore,
        then start the service on it. A non-empty database is refused rather than overwritten.
        Recorded in the audit log (of the restored database) as 'restore'.
        """;

    public async Task<int> RunAsync(IServiceProvider services, OperatorArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        arguments.AllowOnly();
        var file = arguments.Require(0, "the dump file to restore");
        if (arguments.Positional.Count > 1)
        {
            throw new OperatorUsageException($"unexpected argument '{arguments.Positional[1]}'");
        }

        var backup = services.GetRequiredService<DatabaseBackup>();
        await output.WriteLineAsync($"restore: {Path.GetFullPath(file)}");
        try
        {
            var result = await backup.RestoreAsync(new RestoreRequest(file, Progress: new LineProgress(output)), cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"restored: {result.Path} ({result.SizeBytes:N0} bytes in {result.Duration.TotalSeconds:0.0} s)"));
            return 0;
        }
        catch (BackupException e)
        {
            await output.WriteLineAsync($"restore failed: {e.Message}");
            return 1;
        }
    }
}
