using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Monolith.Http;

/// <summary>Authenticates X-Api-Key against the service, admin and proposer keys in constant time.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeySettings keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private readonly byte[] adminDigest = SecretComparison.Digest(keys.AdminKey);
    private readonly byte[] serviceDigest = SecretComparison.Digest(keys.ServiceKey);
    private readonly byte[]? proposerDigest = keys.ProposerKey is null ? null : SecretComparison.Digest(keys.ProposerKey);

    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ServiceRole = "service";
    public const string AdminRole = "admin";
    public const string ProposerRole = "proposer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = values[0]!;
        // The admin key can do everything; the proposer key only what the Mechanic's proposer routes allow.
        string[] roles = SecretComparison.Matches(presented, adminDigest) ? [AdminRole, ProposerRole, ServiceRole]
            : SecretComparison.Matches(presented, serviceDigest) ? [ServiceRole]
            : proposerDigest is not null && SecretComparison.Matches(presented, proposerDigest) ? [ProposerRole]
            : [];
        if (roles.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var identity = new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r)).Append(new Claim(ClaimTypes.Name, roles[0])), SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status401Unauthorized, "Unauthorized", $"Send a valid key in the {HeaderName} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, "Forbidden",
            Context.User.IsInRole(ProposerRole) ? "The proposer key can propose and read proposals; this route needs the admin key." : "This route needs the admin key.");


    private async Task WriteProblem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = HeaderName;
        }

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
