using NpgsqlTypes;

namespace Monolith.Conversations;

/// <summary>One message of a conversation; its sequence is gap-free within the conversation.</summary>
public sealed class Message
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public long Sequence { get; set; }

    public string Role { get; set; } = null!;

    public string Content { get; set; } = null!;

    public string Metadata { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }

    /// <summary>Kept by the database (a generated column) for full-text search.</summary>
    public NpgsqlTsVector SearchVector { get; set; } = null!;
}
