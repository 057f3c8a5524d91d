using Microsoft.Extensions.Configuration;
using Monolith.Configuration;
using Monolith.Telegram;

namespace Monolith.Tests.Core.Telegram;

public sealed class TelegramSettingsNameTheBadVariable
{
    [Fact]
    public void UnsetTokenTurnsTheBotOff()
    {
        var settings = Read([]);
        Assert.False(settings.Enabled);
        Assert.Equal(1000, settings.QueueCapacity);
    }

    [Theory]
    [InlineData("TELEGRAM_BOT_TOKEN", "not-a-token", "TELEGRAM_BOT_TOKEN must look like")]
    [InlineData("TELEGRAM_WEBHOOK_SECRET", "has spaces in it", "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters")]
    [InlineData("TELEGRAM_API_BASE_URL", "ftp://example", "TELEGRAM_API_BASE_URL must be an absolute http(s) URL")]
    [InlineData("TELEGRAM_QUEUE_CAPACITY", "0", "TELEGRAM_QUEUE_CAPACITY must be a whole number")]
    [InlineData("TELEGRAM_WORKERS", "lots", "TELEGRAM_WORKERS must be a whole number")]
    public void BadValueStopsStartupNamingIt(string name, string value, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Read(new() { ["TELEGRAM_BOT_TOKEN"] = "123:abc", [name] = value }));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static TelegramSettings Read(Dictionary<string, string?> values) =>
        TelegramSettings.Read(new SettingReader(new ConfigurationBuilder().AddInMemoryCollection(values).Build()));
}
