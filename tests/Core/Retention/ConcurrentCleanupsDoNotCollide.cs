using Monolith.Retention;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Retention;

public sealed class ConcurrentCleanupsDoNotCollide(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private readonly RetentionRows rows = new(fixture);

    [Fact]
    public async Task RunsStartedTogetherNeitherFailNorDeleteTwice()
    {
        var open = await rows.ConversationAsync("open", 0);
        await rows.MessagesAsync(open, 2_000, daysAgo: 60);
        await rows.MessagesAsync(open, 10, daysAgo: 1);
        var settings = RetentionRows.Settings(messagesDays: 30, batchSize: 50);

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => rows.Cleanup(settings).RunAsync(new CleanupRequest(), CancellationToken.None))));

        var completed = reports.Where(r => r.Outcome == CleanupOutcome.Completed).ToList();
        Assert.NotEmpty(completed);
        Assert.All(reports, r => Assert.Contains(r.Outcome, new[] { CleanupOutcome.Completed, CleanupOutcome.AlreadyRunning }));
        Assert.Equal(2_000, completed.Sum(r => r.Counts.Messages));
        Assert.Equal(10, await rows.CountAsync("SELECT count(*) FROM messages"));
        Assert.Equal(completed.Count, await rows.CountAsync("SELECT count(*) FROM audit_log WHERE action = 'cleanup'"));
    }

    [Fact]
    public async Task ARunWhileTheLockIsHeldIsSkipped()
    {
        var open = await rows.ConversationAsync("open", 0);
        await rows.MessagesAsync(open, 5, daysAgo: 60);
        await using var other = new NpgsqlConnection(Fixture.ConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({RetentionCleanup.AdvisoryLockKey})", other))
        {
            await take.ExecuteNonQueryAsync();
        }

        var messages = new List<string>();
        var report = await rows.Cleanup(RetentionRows.Settings(messagesDays: 30)).RunAsync(
            new CleanupRequest(Progress: new ListProgress(messages)), CancellationToken.None);

        Assert.Equal(CleanupOutcome.AlreadyRunning, report.Outcome);
        Assert.Contains(messages, m => m.StartsWith("another cleanup is running", StringComparison.Ordinal));
        Assert.Equal(5, await rows.CountAsync("SELECT count(*) FROM messages"));
    }

    private sealed class ListProgress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
