namespace Monolith.Telegram;

/// <summary>What the inbox did with an update at receipt.</summary>
public enum InboxAnswer
{
    Accepted,
    Duplicate,
    Busy,
}
