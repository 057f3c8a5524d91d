namespace Monolith.Registry;

/// <summary>An agent config file that may not be read; the message says why.</summary>
public sealed class AgentConfigRefusedException(string reason) : IOException(reason);
