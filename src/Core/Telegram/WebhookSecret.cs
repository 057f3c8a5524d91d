using System.Security.Cryptography;
using System.Text;

namespace Monolith.Telegram;

/// <summary>Checks X-Telegram-Bot-Api-Secret-Token in constant time; hashing both sides first hides the secret's length too.</summary>
public sealed class WebhookSecret(TelegramSettings settings)
{
    public const string HeaderName = "X-Telegram-Bot-Api-Secret-Token";

    private readonly byte[]? expected = settings.WebhookSecret is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(settings.WebhookSecret));

    public bool IsConfigured => expected is not null;

    public bool Matches(string presented) =>
        expected is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expected);
}
