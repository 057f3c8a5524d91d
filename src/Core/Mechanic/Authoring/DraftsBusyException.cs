namespace Monolith.Mechanic;

/// <summary>Every draft slot is taken; the request may be retried after <see cref="RetryAfter"/>.</summary>
public sealed class DraftsBusyException(int slots, TimeSpan retryAfter)
    : Exception($"{slots} draft(s) are already being computed, the most this service runs at once; retry shortly.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
