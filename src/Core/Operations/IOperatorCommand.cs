namespace Monolith.Operations;

/// <summary>A verb of tools/monolith: the same services as the web host, no HTTP.</summary>
public interface IOperatorCommand
{
    /// <summary>The verb as typed: "migrate", "mechanic", "backup".</summary>
    string Name { get; }

    /// <summary>One line for the verb list.</summary>
    string Summary { get; }

    /// <summary>Options that take no value, such as "dry-run"; every other --option takes one.</summary>
    IReadOnlyList<string> Flags => [];

    /// <summary>The text of <c>tools/monolith VERB --help</c>.</summary>
    string Help { get; }

    /// <summary>Runs the verb with the arguments after its name; returns the process exit code.</summary>
    Task<int> RunAsync(IServiceProvider services, OperatorArguments arguments, TextWriter output, CancellationToken cancellationToken);
}
