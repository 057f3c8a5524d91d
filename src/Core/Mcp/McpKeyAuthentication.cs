using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monolith.Http;

namespace Monolith.Mcp;

/// <summary>
/// Authenticates /mcp: X-Api-Key holds the service key (acts for any user, as the REST API does), the admin key, or a
/// user key from <see cref="McpUserKeys"/> (acts for that user only).
/// </summary>
public sealed class McpKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeySettings keys,
    McpUserKeys userKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "McpKey";

    /// <summary>The claim naming the only user a user key may act for.</summary>
    public const string UserClaim = "mcp_user";

    private readonly byte[] adminDigest = SecretComparison.Digest(keys.AdminKey);
    private readonly byte[] serviceDigest = SecretComparison.Digest(keys.ServiceKey);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyAuthentication.HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = values[0]!;
        List<Claim> claims;
        if (SecretComparison.Matches(presented, adminDigest) || SecretComparison.Matches(presented, serviceDigest))
        {
            claims = [new(ClaimTypes.Role, ApiKeyAuthentication.ServiceRole), new(ClaimTypes.NameIdentifier, ApiKeyAuthentication.ServiceRole)];
        }
        else if (userKeys.Verify(presented) is { } userId)
        {
            var id = userId.ToString(CultureInfo.InvariantCulture);
            claims = [new(UserClaim, id), new(ClaimTypes.NameIdentifier, "user:" + id)];
        }
        else
        {
            return Task.FromResult(AuthenticateResult.Fail("The key is not valid for /mcp."));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = ApiKeyAuthentication.HeaderName;
        return Task.CompletedTask;
    }
}
