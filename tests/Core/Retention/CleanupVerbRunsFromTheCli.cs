using Monolith.Host.Cli;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Retention;

public sealed class CleanupVerbRunsFromTheCli(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private readonly RetentionRows rows = new(fixture);

    [Fact]
    public async Task DryRunPrintsCountsThenTheRealRunDeletesWithProgress()
    {
        var open = await rows.ConversationAsync("open", 0);
        await rows.MessagesAsync(open, 12, daysAgo: 45);
        var settings = TestHost.Settings(Fixture.ConnectionString);
        settings["RETENTION_MESSAGES_DAYS"] = "30";
        settings["RETENTION_BATCH_SIZE"] = "5";

        var dry = new StringWriter();
        Assert.Equal(0, await OperatorCli.RunAsync(["cleanup", "--dry-run"], dry, settings));
        Assert.Contains("messages: would delete 12", dry.ToString(), StringComparison.Ordinal);
        Assert.Contains("checkpoints: policy off", dry.ToString(), StringComparison.Ordinal);
        Assert.Equal(12, await rows.CountAsync("SELECT count(*) FROM messages"));

        var real = new StringWriter();
        Assert.Equal(0, await OperatorCli.RunAsync(["cleanup"], real, settings));
        var lines = real.ToString();
        Assert.Contains("messages: deleted 5", lines, StringComparison.Ordinal);
        Assert.Contains("messages: deleted 10", lines, StringComparison.Ordinal);
        Assert.Contains("messages: deleted 12", lines, StringComparison.Ordinal);
        Assert.Contains("cleanup deleted 12 rows", lines, StringComparison.Ordinal);
        Assert.Equal(0, await rows.CountAsync("SELECT count(*) FROM messages"));
        Assert.Equal(2, await rows.CountAsync("SELECT count(*) FROM audit_log WHERE action = 'cleanup' AND actor = 'operator'"));
    }

    [Fact]
    public async Task ADatabaseWithoutTheTablesIsAFailureLineNotACrash()
    {
        await using var unmigrated = await TestDatabase.CreateAsync("monolith_retention");
        var settings = TestHost.Settings(unmigrated.ConnectionString);
        settings["RETENTION_MESSAGES_DAYS"] = "30";
        var output = new StringWriter();

        Assert.Equal(1, await OperatorCli.RunAsync(["cleanup"], output, settings));

        Assert.Contains("cleanup failed: 42P01: relation \"messages\" does not exist", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpNamesTheSettingsAndUnknownOptionsAreRefused()
    {
        var settings = TestHost.Settings(Fixture.ConnectionString);
        var help = new StringWriter();
        Assert.Equal(0, await OperatorCli.RunAsync(["cleanup", "--help"], help, settings));
        Assert.Contains("RETENTION_CHECKPOINTS_PER_THREAD", help.ToString(), StringComparison.Ordinal);
        Assert.Equal(64, await OperatorCli.RunAsync(["cleanup", "--dryrun"], new StringWriter(), settings));

        var nothing = new StringWriter();
        Assert.Equal(0, await OperatorCli.RunAsync(["cleanup"], nothing, settings));
        Assert.Contains("no retention policy is configured", nothing.ToString(), StringComparison.Ordinal);
    }
}
