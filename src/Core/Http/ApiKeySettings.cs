using Monolith.Configuration;

namespace Monolith.Http;

/// <summary>The service key (API_KEY), the admin key (ADMIN_API_KEY) and the optional proposer key (PROPOSER_API_KEY).</summary>
public sealed record ApiKeySettings(string ServiceKey, string AdminKey, string? ProposerKey = null)
{
    private const int MinimumLength = 16;

    public static ApiKeySettings Read(SettingReader settings)
    {
        var service = settings.RequiredText("API_KEY", "the key every /api/* request sends in X-Api-Key (tools/run generates one into .data/keys.env)");
        var admin = settings.RequiredText("ADMIN_API_KEY", "the key for /api/admin/* and /admin (tools/run generates one into .data/keys.env)");
        var proposer = settings.Text("PROPOSER_API_KEY");
        RequireLength("API_KEY", service);
        RequireLength("ADMIN_API_KEY", admin);
        if (service == admin)
        {
            throw new ConfigurationException("ADMIN_API_KEY must differ from API_KEY");
        }

        if (proposer is not null)
        {
            RequireLength("PROPOSER_API_KEY", proposer);
            if (proposer == service || proposer == admin)
            {
                throw new ConfigurationException("PROPOSER_API_KEY must differ from API_KEY and ADMIN_API_KEY");
            }
        }

        return new ApiKeySettings(service, admin, proposer);
    }

    private static void RequireLength(string name, string key)
    {
        if (key.Length < MinimumLength)
        {
            throw new ConfigurationException($"{name} must be at least {MinimumLength} characters");
        }
    }
}
