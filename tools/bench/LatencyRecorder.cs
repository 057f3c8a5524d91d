using System.Diagnostics;
using System.Globalization;

namespace Monolith.Bench;

/// <summary>Collects per-operation latencies (thread-safe) and reports throughput and percentiles.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> milliseconds = [];
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return milliseconds.Count;
            }
        }
    }

    public async Task<T> TimeAsync<T>(Func<Task<T>> operation)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await operation();
        Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    public async Task TimeAsync(Func<Task> operation)
    {
        var started = Stopwatch.GetTimestamp();
        await operation();
        Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public void Add(double ms)
    {
        lock (gate)
        {
            milliseconds.Add(ms);
        }
    }

    public double Percentile(double p)
    {
        lock (gate)
        {
            if (milliseconds.Count == 0)
            {
                return double.NaN;
            }

            var sorted = milliseconds.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }

    public static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
