using System.Text.Json;
using Monolith.Retention;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Retention;

public sealed class EveryCleanupIsAudited(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private readonly RetentionRows rows = new(fixture);

    [Fact]
    public async Task TheAuditRowHoldsTheCountsTheSettingsAndTheDuration()
    {
        var open = await rows.ConversationAsync("open", 0);
        await rows.MessagesAsync(open, 3, daysAgo: 10);

        var report = await rows.Cleanup(RetentionRows.Settings(messagesDays: 7, keepCheckpoints: 5)).RunAsync(
            new CleanupRequest(Actor: "nightly"), CancellationToken.None);

        var row = (string)(await rows.ScalarAsync(
            "SELECT json_build_object('id', id, 'actor', actor, 'status', status, 'details', details)::text FROM audit_log WHERE action = 'cleanup'"))!;
        var audit = JsonDocument.Parse(row).RootElement;
        Assert.Equal(report.AuditId, audit.GetProperty("id").GetInt64());
        Assert.Equal("nightly", audit.GetProperty("actor").GetString());
        Assert.Equal("success", audit.GetProperty("status").GetString());
        var details = audit.GetProperty("details");
        Assert.False(details.GetProperty("dryRun").GetBoolean());
        Assert.Equal(3, details.GetProperty("counts").GetProperty("messages").GetInt64());
        Assert.Equal(0, details.GetProperty("counts").GetProperty("checkpoints").GetInt64());
        var settings = details.GetProperty("settings");
        Assert.Equal(7, settings.GetProperty("messagesDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("closedConversationsDays").ValueKind);
        Assert.Equal(5, settings.GetProperty("checkpointsPerThread").GetInt32());
        Assert.Equal(5_000, settings.GetProperty("batchSize").GetInt32());
        Assert.True(details.GetProperty("durationMs").GetInt64() >= 0);
    }

    [Fact]
    public async Task AFailedRunAuditsTheBatchesItHadAlreadyDeleted()
    {
        var open = await rows.ConversationAsync("open", 0);
        await rows.MessagesAsync(open, 7, daysAgo: 10);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rows.Cleanup(RetentionRows.Settings(messagesDays: 7, batchSize: 3)).RunAsync(
            new CleanupRequest(Progress: new CancelOnFirstBatch(cancellation)), cancellation.Token));

        Assert.Equal(4, await rows.CountAsync("SELECT count(*) FROM messages"));
        var row = (string)(await rows.ScalarAsync("SELECT json_build_object('status', status, 'details', details)::text FROM audit_log WHERE action = 'cleanup'"))!;
        var audit = JsonDocument.Parse(row).RootElement;
        Assert.Equal("failure", audit.GetProperty("status").GetString());
        Assert.Equal("cancelled", audit.GetProperty("details").GetProperty("error").GetString());
        Assert.Equal(3, audit.GetProperty("details").GetProperty("counts").GetProperty("messages").GetInt64());
    }

    /// <summary>Cancels the run as soon as its first batch has committed and reported.</summary>
    private sealed class CancelOnFirstBatch(CancellationTokenSource cancellation) : IProgress<string>
    {
        public void Report(string value)
        {
            if (value.StartsWith("messages: deleted", StringComparison.Ordinal))
            {
                cancellation.Cancel();
            }
        }
    }
}
