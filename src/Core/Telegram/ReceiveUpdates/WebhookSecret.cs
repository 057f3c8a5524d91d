using Monolith.Http;

namespace Monolith.Telegram;

/// <summary>Checks X-Telegram-Bot-Api-Secret-Token in constant time (<see cref="SecretComparison"/>).</summary>
public sealed class WebhookSecret(TelegramSettings settings)
{
    public const string HeaderName = "X-Telegram-Bot-Api-Secret-Token";

    private readonly byte[]? expected = settings.WebhookSecret is null ? null : SecretComparison.Digest(settings.WebhookSecret);

    public bool IsConfigured => expected is not null;

    public bool Matches(string presented) =>
        expected is not null && SecretComparison.Matches(presented, expected);
}
