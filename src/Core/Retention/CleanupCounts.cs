namespace Monolith.Retention;

/// <summary>Rows a cleanup deleted (or, in a dry run, would delete), per kind.</summary>
/// <param name="Messages">Messages older than RETENTION_MESSAGES_DAYS (outside the conversations deleted below).</param>
/// <param name="Conversations">Closed conversations not updated for RETENTION_CLOSED_CONVERSATIONS_DAYS.</param>
/// <param name="ConversationMessages">The messages of those conversations.</param>
/// <param name="Checkpoints">Checkpoints beyond the newest RETENTION_CHECKPOINTS_PER_THREAD of their thread and namespace.</param>
/// <param name="CheckpointWrites">The pending writes of those checkpoints, and writes whose checkpoint never came within an hour.</param>
public sealed record CleanupCounts(long Messages, long Conversations, long ConversationMessages, long Checkpoints, long CheckpointWrites)
{
    public static CleanupCounts None { get; } = new(0, 0, 0, 0, 0);

    public long Total => Messages + Conversations + ConversationMessages + Checkpoints + CheckpointWrites;
}
