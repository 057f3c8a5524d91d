namespace Monolith.Telegram;

/// <summary>One Bot API update as received: the dedupe key, the raw JSON and how far its processing got.</summary>
public sealed class TelegramUpdate
{
    public long UpdateId { get; set; }

    /// <summary>The chat the update belongs to (0 when it has none); updates of one chat are processed in order.</summary>
    public long ChatId { get; set; }

    public string Payload { get; set; } = null!;

    public string Status { get; set; } = TelegramUpdateStatus.Received;

    public int Attempts { get; set; }

    public string? Error { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime? ProcessedAt { get; set; }
}
