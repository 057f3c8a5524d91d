namespace Monolith.Conversations;

/// <summary>One full-text hit: where the message is, a snippet of HTML-escaped text with the matches in &lt;b&gt;…&lt;/b&gt;, and its rank (higher is better).</summary>
public sealed record MessageSearchHit(
    Guid ConversationId, Guid MessageId, long Sequence, string Role, string Snippet, double Rank, DateTime CreatedAt);
