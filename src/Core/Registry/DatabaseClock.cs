namespace Monolith.Registry;

/// <summary>The current time at PostgreSQL's precision (microseconds), so an answer shows the value a later read returns.</summary>
internal static class DatabaseClock
{
    public static DateTime UtcNow()
    {
        var now = DateTime.UtcNow;
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}
