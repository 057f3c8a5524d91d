using System.Text.RegularExpressions;
using Monolith.Configuration;

namespace Monolith.Telegram;

/// <summary>The bot's settings: token, webhook secret, Bot API address and the update queue's size.</summary>
/// <param name="Token">Null when TELEGRAM_BOT_TOKEN is unset: the bot is off.</param>
/// <param name="WebhookSecret">Null when TELEGRAM_WEBHOOK_SECRET is unset: the webhook refuses every request, polling still works.</param>
/// <param name="ApiBaseUrl">A local Bot API server (or a fake in tests); null for Telegram's own.</param>
public sealed partial record TelegramSettings(string? Token, string? WebhookSecret, Uri? ApiBaseUrl, int QueueCapacity, int Workers)
{
    public bool Enabled => Token is not null;

    public static TelegramSettings Read(SettingReader settings)
    {
        var token = settings.Text("TELEGRAM_BOT_TOKEN");
        if (token is not null && !TokenShape().IsMatch(token))
        {
            throw new ConfigurationException("TELEGRAM_BOT_TOKEN must look like 123456789:AAH... (the token BotFather gave)");
        }

        var secret = settings.Text("TELEGRAM_WEBHOOK_SECRET");
        if (secret is not null && !SecretShape().IsMatch(secret))
        {
            throw new ConfigurationException("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's secret_token rule)");
        }

        return new TelegramSettings(
            token,
            secret,
            settings.AbsoluteUrl("TELEGRAM_API_BASE_URL"),
            settings.Number("TELEGRAM_QUEUE_CAPACITY", 1000, 1, 1_000_000),
            settings.Number("TELEGRAM_WORKERS", 4, 1, 256));
    }

    [GeneratedRegex(@"^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();
}
