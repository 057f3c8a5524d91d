using Monolith.Configuration;

namespace Monolith.Http;

/// <summary>The service key (API_KEY) and the admin key (ADMIN_API_KEY).</summary>
public sealed record ApiKeySettings(string ServiceKey, string AdminKey)
{
    private const int MinimumLength = 16;

    public static ApiKeySettings Read(SettingReader settings)
    {
        var service = settings.RequiredText("API_KEY", "the key every /api/* request sends in X-Api-Key (tools/run generates one into .data/keys.env)");
        var admin = settings.RequiredText("ADMIN_API_KEY", "the key for /api/admin/* and /admin (tools/run generates one into .data/keys.env)");
        if (service.Length < MinimumLength)
        {
            throw new ConfigurationException($"API_KEY must be at least {MinimumLength} characters");
        }

        if (admin.Length < MinimumLength)
        {
            throw new ConfigurationException($"ADMIN_API_KEY must be at least {MinimumLength} characters");
        }

        if (service == admin)
        {
            throw new ConfigurationException("ADMIN_API_KEY must differ from API_KEY");
        }

        return new ApiKeySettings(service, admin);
    }
}
