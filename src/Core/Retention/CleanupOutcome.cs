namespace Monolith.Retention;

/// <summary>How a cleanup run ended.</summary>
public enum CleanupOutcome
{
    /// <summary>Every configured policy was applied (or, in a dry run, counted).</summary>
    Completed,

    /// <summary>No RETENTION_* policy is set, so there was nothing to do.</summary>
    NothingConfigured,

    /// <summary>Another cleanup holds the advisory lock; this one did nothing.</summary>
    AlreadyRunning,
}
