namespace Monolith.Operations;

/// <summary>The operator typed a verb wrongly; the CLI prints the message and the verb's help.</summary>
public sealed class OperatorUsageException(string message) : Exception(message);
