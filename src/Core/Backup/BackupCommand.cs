using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Operations;

namespace Monolith.Backup;

/// <summary>tools/monolith backup: dumps the database to BACKUP_DIR or to --out.</summary>
public sealed class BackupCommand : IOperatorCommand
{
    public string Name => "backup";

    public string Summary => "dump the database (pg_dump custom format) to BACKUP_DIR";

    public string Help => """
        usage: tools/monolith backup [--out FILE] [--label TEXT]

        Dumps the database of DATABASE_URL with pg_dump --format=custom and prints pg_dump's progress.
          --out FILE     write the dump to FILE (its folder must exist, the file must not)
          --label TEXT   words for the generated file name (default: manual)
        Without --out the file is BACKUP_DIR/<UTC time>-<label>.dump (BACKUP_DIR defaults to .data/backups).
        The file gets its final name only when complete. Recorded in the audit log as 'backup'.
        Restore it with: tools/monolith restore FILE
        """;

    public async Task<int> RunAsync(IServiceProvider services, OperatorArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        arguments.AllowOnly("out", "label");
        if (arguments.Positional.Count > 0)
        {
            throw new OperatorUsageException($"unexpected argument '{arguments.Positional[0]}'");
        }

        var backup = services.GetRequiredService<DatabaseBackup>();
        await output.WriteLineAsync("backup: starting");
        try
        {
            var result = await backup.BackupAsync(
                new BackupRequest(arguments.Option("label"), arguments.Option("out"), Progress: new LineProgress(output)),
                cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"backup written: {result.Path} ({result.SizeBytes:N0} bytes in {result.Duration.TotalSeconds:0.0} s)"));
            return 0;
        }
        catch (BackupException e)
        {
            await output.WriteLineAsync($"backup failed: {e.Message}");
            return 1;
        }
    }
}
