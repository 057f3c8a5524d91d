using Monolith.Configuration;

namespace Monolith.Host;

/// <summary>Where the service listens (PORT, BIND_ADDRESS) and how it logs (LOG_FORMAT).</summary>
public sealed record HostSettings(string Url, bool JsonLogs)
{
    public static HostSettings Read(SettingReader settings)
    {
        var port = settings.Number("PORT", 5080, 1, 65535);
        var address = settings.Text("BIND_ADDRESS") ?? "127.0.0.1";
        if (!System.Net.IPAddress.TryParse(address, out var ip))
        {
            throw new ConfigurationException($"BIND_ADDRESS must be an IP address, got '{address}'");
        }

        var host = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
        var json = settings.Choice("LOG_FORMAT", false, new Dictionary<string, bool> { ["text"] = false, ["json"] = true });
        return new HostSettings($"http://{host}:{port}", json);
    }
}
