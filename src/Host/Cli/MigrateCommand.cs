using Monolith.Database;
using Monolith.Mechanic;
using Monolith.Operations;

namespace Monolith.Host.Cli;

/// <summary>tools/monolith migrate: applies pending core migrations, then the dynamic ones (a verb of the host: it spans modules).</summary>
public sealed class MigrateCommand : IOperatorCommand
{
    public string Name => "migrate";

    public string Summary => "apply pending core and dynamic migrations";

    public string Help => """
        usage: tools/monolith migrate

        Applies every pending core migration, module by module, then the committed
        dynamic migrations (src/Dynamic/Migrations) the database has not applied.
        Safe to run again: applied migrations are skipped.
        """;

    public async Task<int> RunAsync(IServiceProvider services, OperatorArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        arguments.AllowOnly();
        var migrator = services.GetRequiredService<CoreMigrator>();
        var pending = await migrator.PendingAsync(cancellationToken);
        await output.WriteLineAsync(pending.Count == 0 ? "core: up to date" : $"core: applying {pending.Count} migration(s)");
        await migrator.MigrateAsync(cancellationToken);
        await services.GetRequiredService<DynamicMigrator>().MigrateAsync(cancellationToken);
        await output.WriteLineAsync("done");
        return 0;
    }
}
