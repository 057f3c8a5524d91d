namespace Monolith.Conversations;

/// <summary>The states of a conversation as stored in conversations.status.</summary>
public static class ConversationStatus
{
    public const string Open = "open";
    public const string Closed = "closed";
}
