namespace Monolith.Agents;

/// <summary>Whose turn it is: the user, the chat and the conversation a tool may read or write.</summary>
/// <param name="Text">The user's words this turn (a schema change proposal carries them as its instruction).</param>
public sealed record TurnScope(long UserId, long ChatId, Guid ConversationId, Guid UserMessageId, string Text = "");
