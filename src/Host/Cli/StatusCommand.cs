using Monolith.Database;
using Monolith.Mechanic;
using Monolith.Operations;

namespace Monolith.Host.Cli;

/// <summary>tools/monolith status: applied and pending core and dynamic migrations (a verb of the host: it spans modules).</summary>
public sealed class StatusCommand : IOperatorCommand
{
    public string Name => "status";

    public string Summary => "show applied and pending migrations";

    public string Help => """
        usage: tools/monolith status

        Lists the applied and pending core and dynamic migrations, dynamic migration files
        changed after they were applied, and drift between the dynamic tables and their shapes.
        Exits 1 when any migration is pending or anything drifted.
        """;

    public async Task<int> RunAsync(IServiceProvider services, OperatorArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        arguments.AllowOnly();
        var migrator = services.GetRequiredService<CoreMigrator>();
        var applied = await migrator.AppliedAsync(cancellationToken);
        var pending = await migrator.PendingAsync(cancellationToken);
        await output.WriteLineAsync($"core migrations: {applied.Count} applied, {pending.Count} pending");
        foreach (var migration in applied)
        {
            await output.WriteLineAsync($"  applied  {migration}");
        }

        foreach (var migration in pending)
        {
            await output.WriteLineAsync($"  pending  {migration}");
        }

        if (pending.Count > 0)
        {
            await output.WriteLineAsync("dynamic migrations: not compared until the core migrations are applied");
            return 1;
        }

        var (dynamicLines, dynamicHealthy) = await services.GetRequiredService<DynamicSchemaReport>().DescribeAsync(cancellationToken);
        foreach (var line in dynamicLines)
        {
            await output.WriteLineAsync(line);
        }

        return dynamicHealthy ? 0 : 1;
    }
}
