using Monolith.Configuration;
using Monolith.Host;
using Monolith.Host.Cli;

if (OperatorCli.Handles(args))
{
    return await OperatorCli.RunAsync(args);
}

try
{
    var app = MonolithApplication.Build(args);
    return await MonolithApplication.RunAsync(app);
}
catch (ConfigurationException e)
{
    await Console.Error.WriteLineAsync($"monolith: {e.Message}");
    return 2;
}

/// <summary>The service's entry point; public so tests can reference the assembly's entry type.</summary>
public partial class Program;
