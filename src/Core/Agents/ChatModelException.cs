namespace Monolith.Agents;

/// <summary>The chat model could not give an answer: unreachable, too slow, an error status or a reply we cannot read.</summary>
public sealed class ChatModelException(string message, Exception? inner = null) : Exception(message, inner);
