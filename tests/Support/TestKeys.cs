namespace Monolith.Tests.Support;

/// <summary>The API keys every test host is configured with.</summary>
public static class TestKeys
{
    public const string Service = "test-service-key-0123456789";
    public const string Admin = "test-admin-key-0123456789ab";
    public const string Proposer = "test-proposer-key-0123456789";
}
