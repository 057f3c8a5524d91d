using Monolith.Configuration;

namespace Monolith.Retention;

/// <summary>
/// The retention policies (RETENTION_MESSAGES_DAYS, RETENTION_CLOSED_CONVERSATIONS_DAYS, RETENTION_CHECKPOINTS_PER_THREAD),
/// how often the service applies them (RETENTION_SCHEDULE_MINUTES) and the delete batch size (RETENTION_BATCH_SIZE).
/// Every policy is off unless set.
/// </summary>
public sealed record RetentionSettings(int? MessagesDays, int? ClosedConversationsDays, int? CheckpointsPerThread, int? ScheduleMinutes, int BatchSize)
{
    public const int DefaultBatchSize = 5_000;

    /// <summary>
    /// How long a pending write may wait for its checkpoint before the checkpoints policy removes it. LangGraph sends a
    /// step's writes and its checkpoint within the same run, seconds apart; an hour covers a stalled run.
    /// </summary>
    public static readonly TimeSpan OrphanWritesGrace = TimeSpan.FromHours(1);
    private const int MaxDays = 36_500;

    public bool AnyPolicy => MessagesDays is not null || ClosedConversationsDays is not null || CheckpointsPerThread is not null;

    public static RetentionSettings Read(SettingReader settings)
    {
        var retention = new RetentionSettings(
            Optional(settings, "RETENTION_MESSAGES_DAYS", 1, MaxDays),
            Optional(settings, "RETENTION_CLOSED_CONVERSATIONS_DAYS", 1, MaxDays),
            Optional(settings, "RETENTION_CHECKPOINTS_PER_THREAD", 1, 1_000_000),
            Optional(settings, "RETENTION_SCHEDULE_MINUTES", 1, 525_600),
            settings.Number("RETENTION_BATCH_SIZE", DefaultBatchSize, 1, 1_000_000));
        if (retention.ScheduleMinutes is not null && !retention.AnyPolicy)
        {
            throw new ConfigurationException(
                "RETENTION_SCHEDULE_MINUTES is set but no policy is: set RETENTION_MESSAGES_DAYS, RETENTION_CLOSED_CONVERSATIONS_DAYS or RETENTION_CHECKPOINTS_PER_THREAD");
        }

        return retention;
    }

    private static int? Optional(SettingReader settings, string name, int min, int max) =>
        settings.Text(name) is null ? null : settings.Number(name, min, min, max);
}
