namespace Monolith.Telegram;

/// <summary>An accepted update waiting for a worker; its JSON stays in telegram_updates until the worker claims it.</summary>
/// <param name="ReceivedAt">Stopwatch timestamp of receipt, for the receipt-to-reply latency log.</param>
public sealed record QueuedUpdate(long UpdateId, long ChatId, long ReceivedAt);
