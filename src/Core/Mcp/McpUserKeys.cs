using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Monolith.Http;

namespace Monolith.Mcp;

/// <summary>
/// Keys that let an MCP client act for one user only: "mcpu.{userId}.{signature}", the signature an HMAC of the user id
/// keyed with the service key. They are derived, not stored, so rotating API_KEY revokes every one of them.
/// </summary>
public sealed class McpUserKeys(ApiKeySettings keys)
{
    public const string Prefix = "mcpu.";

    private readonly byte[] secret = Encoding.UTF8.GetBytes("monolith-mcp-user-key:" + keys.ServiceKey);

    public string Issue(long userId) =>
        Prefix + userId.ToString(CultureInfo.InvariantCulture) + "." + Signature(userId);

    /// <summary>The user a presented key acts for, or null when it is not a valid user key.</summary>
    public long? Verify(string presented)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = presented[Prefix.Length..].Split('.');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var userId))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(userId));
        var given = Encoding.ASCII.GetBytes(parts[1]);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? userId : null;
    }

    private string Signature(long userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(userId.ToString(CultureInfo.InvariantCulture))));
}
