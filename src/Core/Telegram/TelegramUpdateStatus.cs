namespace Monolith.Telegram;

/// <summary>The states of telegram_updates.status: received until a worker finishes it.</summary>
public static class TelegramUpdateStatus
{
    public const string Received = "received";
    public const string Done = "done";
    public const string Ignored = "ignored";
    public const string Failed = "failed";
}
