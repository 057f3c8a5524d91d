using Microsoft.Extensions.Configuration;
using Monolith.Configuration;
using Monolith.Retention;

namespace Monolith.Tests.Core.Retention;

public sealed class RetentionSettingsAreValidated
{
    public static TheoryData<string, string, string> Invalid => new()
    {
        { "RETENTION_MESSAGES_DAYS", "0", "RETENTION_MESSAGES_DAYS must be a whole number from 1 to 36500, got '0'" },
        { "RETENTION_CLOSED_CONVERSATIONS_DAYS", "ninety", "RETENTION_CLOSED_CONVERSATIONS_DAYS must be a whole number from 1 to 36500, got 'ninety'" },
        { "RETENTION_CHECKPOINTS_PER_THREAD", "-3", "RETENTION_CHECKPOINTS_PER_THREAD must be a whole number from 1 to 1000000, got '-3'" },
        { "RETENTION_BATCH_SIZE", "0", "RETENTION_BATCH_SIZE must be a whole number from 1 to 1000000, got '0'" },
        { "RETENTION_SCHEDULE_MINUTES", "60", "RETENTION_SCHEDULE_MINUTES is set but no policy is" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void ABadValueIsOneLineNamingTheSetting(string name, string value, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(new() { [name] = value }));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void EverythingIsOffUnlessSet()
    {
        var settings = Read([]);

        Assert.False(settings.AnyPolicy);
        Assert.Null(settings.ScheduleMinutes);
        Assert.Equal(RetentionSettings.DefaultBatchSize, settings.BatchSize);
    }

    [Fact]
    public void SetValuesAreRead()
    {
        var settings = Read(new()
        {
            ["RETENTION_MESSAGES_DAYS"] = "365",
            ["RETENTION_CLOSED_CONVERSATIONS_DAYS"] = " 90 ",
            ["RETENTION_CHECKPOINTS_PER_THREAD"] = "20",
            ["RETENTION_SCHEDULE_MINUTES"] = "1440",
            ["RETENTION_BATCH_SIZE"] = "1000",
        });

        Assert.Equal(new RetentionSettings(365, 90, 20, 1440, 1000), settings);
    }

    private static RetentionSettings Read(Dictionary<string, string?> values) =>
        RetentionSettings.Read(new SettingReader(new ConfigurationBuilder().AddInMemoryCollection(values).Build()));
}
