using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Monolith.Configuration;

/// <summary>Reads environment settings by the names README.md lists and fails with one line naming the setting.</summary>
public sealed class SettingReader(IConfiguration configuration)
{
    public string? Text(string name)
    {
        var value = configuration[name];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public string RequiredText(string name, string why) =>
        Text(name) ?? throw new ConfigurationException($"{name} is required: {why}");

    public int Number(string name, int defaultValue, int min, int max)
    {
        var text = Text(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ConfigurationException($"{name} must be a whole number from {min} to {max}, got '{text}'");
        }

        return value;
    }

    public bool Flag(string name, bool defaultValue)
    {
        var text = Text(name);
        return text?.ToLowerInvariant() switch
        {
            null => defaultValue,
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw new ConfigurationException($"{name} must be true or false, got '{text}'"),
        };
    }

    public Uri? AbsoluteUrl(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConfigurationException($"{name} must be an absolute http(s) URL, got '{text}'");
        }

        return uri;
    }

    public T Choice<T>(string name, T defaultValue, IReadOnlyDictionary<string, T> choices)
    {
        var text = Text(name);
        if (text is null)
        {
            return defaultValue;
        }

        if (choices.TryGetValue(text.ToLowerInvariant(), out var value))
        {
            return value;
        }

        throw new ConfigurationException($"{name} must be one of {string.Join(", ", choices.Keys)}, got '{text}'");
    }
}
