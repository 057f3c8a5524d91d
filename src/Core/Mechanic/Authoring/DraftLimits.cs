using Monolith.Configuration;

namespace Monolith.Mechanic;

/// <summary>How many drafts may run at once and how long one may take (MECHANIC_MAX_CONCURRENT_DRAFTS, MECHANIC_DRAFT_TIMEOUT_SECONDS).</summary>
public sealed record DraftLimits(int MaxConcurrentDrafts, TimeSpan Timeout)
{
    public static DraftLimits Default { get; } = new(2, TimeSpan.FromSeconds(30));

    public static DraftLimits Read(SettingReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new DraftLimits(
            settings.Number("MECHANIC_MAX_CONCURRENT_DRAFTS", Default.MaxConcurrentDrafts, 1, 64),
            TimeSpan.FromSeconds(settings.Number("MECHANIC_DRAFT_TIMEOUT_SECONDS", (int)Default.Timeout.TotalSeconds, 1, 600)));
    }
}
