namespace Monolith.Conversations;

/// <summary>A conversation of one Telegram user in one chat.</summary>
public sealed class Conversation
{
    public Guid Id { get; set; }

    public long UserId { get; set; }

    public long ChatId { get; set; }

    public string? Title { get; set; }

    public string Status { get; set; } = ConversationStatus.Open;

    public string Metadata { get; set; } = "{}";

    /// <summary>The sequence of the newest message (0 when empty); appends bump it under the row lock.</summary>
    public long LastSequence { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
