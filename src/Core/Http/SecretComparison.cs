using System.Security.Cryptography;
using System.Text;

namespace Monolith.Http;

/// <summary>Compares a presented secret with the expected one in constant time; hashing both sides first hides the length too.</summary>
public static class SecretComparison
{
    public static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(string presented, byte[] expectedDigest) =>
        CryptographicOperations.FixedTimeEquals(Digest(presented), expectedDigest);
}
