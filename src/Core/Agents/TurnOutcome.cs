namespace Monolith.Agents;

/// <summary>The result of one turn: the stored messages, the reply to send and the checkpoint written.</summary>
public sealed record TurnOutcome(Guid ConversationId, Guid UserMessageId, Guid ReplyMessageId, string Reply, string CheckpointId);
