namespace Monolith.Agents;

/// <summary>Whose turn it is: the user, the chat and the conversation a tool may read or write.</summary>
public sealed record TurnScope(long UserId, long ChatId, Guid ConversationId, Guid UserMessageId);
