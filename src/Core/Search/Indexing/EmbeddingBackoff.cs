namespace Monolith.Search;

/// <summary>When a document whose embedding failed is tried again: 5 s doubling per attempt, at most an hour.</summary>
public static class EmbeddingBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public static TimeSpan After(int attempts) =>
        attempts <= 1 ? First : TimeSpan.FromSeconds(Math.Min(Longest.TotalSeconds, First.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 20))));
}
