using Monolith.Configuration;
using Monolith.Operations;

namespace Monolith.Host.Cli;

/// <summary>tools/monolith: runs one operator verb against the same modules as the service.</summary>
public static class OperatorCli
{
    /// <summary>Every verb, listed like the modules: one line each.</summary>
    public static IReadOnlyList<IOperatorCommand> Commands { get; } =
    [
        new MigrateCommand(),
        new StatusCommand(),
        new Monolith.Mechanic.MechanicCommand(),
        new Monolith.Backup.BackupCommand(),
        new Monolith.Backup.RestoreCommand(),
        new Monolith.Retention.CleanupCommand(),
        new Monolith.Search.ReindexCommand(),
        new Monolith.Telegram.BotCommand(),
    ];

    public static bool Handles(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" or "help" || Commands.Any(c => c.Name == args[0]));

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, IDictionary<string, string?>? settings = null)
    {
        output ??= Console.Out;
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await output.WriteLineAsync(Usage());
            return 0;
        }

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var arguments = OperatorArguments.Parse(args[1..], [.. command.Flags]);
            if (arguments.WantsHelp)
            {
                await output.WriteLineAsync(command.Help);
                return 0;
            }

            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = false });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddMonolithModules(new SettingReader(builder.Configuration));
            using var host = builder.Build();
            return await command.RunAsync(host.Services, arguments, output, cancellation.Token);
        }
        catch (OperatorUsageException e)
        {
            await Console.Error.WriteLineAsync($"monolith {command.Name}: {e.Message}\n\n{command.Help}");
            return 64;
        }
        catch (ConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"monolith: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"monolith {command.Name}: cancelled");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static string Usage() =>
        "usage: tools/monolith <verb> [options]    (tools/monolith <verb> --help for details)\n\nverbs:\n"
        + string.Join('\n', Commands.Select(c => $"  {c.Name,-10} {c.Summary}"));
}
