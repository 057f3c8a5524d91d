namespace Monolith.Http;

/// <summary>Authorization policy names: the service key for /api/*, the admin key for /api/admin/* and /admin.</summary>
public static class AccessPolicy
{
    public const string Service = "service";
    public const string Admin = "admin";
}
