namespace Monolith.Http;

/// <summary>Authorization policy names: the service key for /api/*, the admin key for /api/admin/* and /admin, the proposer key (or the admin key) for proposing schema changes.</summary>
public static class AccessPolicy
{
    public const string Service = "service";
    public const string Admin = "admin";
    public const string Proposer = "proposer";
}
