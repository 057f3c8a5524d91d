using System.Security.Claims;
using Monolith.Http;

namespace Monolith.Mechanic;

/// <summary>Who acted on a proposal: the role of the key (admin, proposer), the operator at the CLI or auto-apply, and the channel.</summary>
public sealed record MechanicCaller(string Role, string Channel)
{
    public const string AdminRole = ApiKeyAuthentication.AdminRole;
    public const string ProposerRole = ApiKeyAuthentication.ProposerRole;
    public const string OperatorRole = "operator";
    public const string AutoApplyRole = "auto_apply";

    /// <summary>tools/monolith mechanic: whoever can run it on the host has the database and the repository anyway.</summary>
    public static MechanicCaller Operator { get; } = new(OperatorRole, ReviewChannel.Cli);

    /// <summary>MECHANIC_AUTO_APPLY approving a change without findings.</summary>
    public static MechanicCaller AutoApply { get; } = new(AutoApplyRole, ReviewChannel.AutoApply);

    /// <summary>The bot's assistant asking for a change on a user's behalf: a proposer, never a reviewer.</summary>
    public static MechanicCaller Bot { get; } = new(ProposerRole, ReviewChannel.Bot);

    /// <summary>The caller of an HTTP request: the admin key, or else the proposer key.</summary>
    public static MechanicCaller FromKey(ClaimsPrincipal user, string channel) =>
        new(user.IsInRole(ApiKeyAuthentication.AdminRole) ? AdminRole : ProposerRole, channel);

    /// <summary>The caller stored in a proposal's jsonb column; null when none is recorded (rows from before roles existed).</summary>
    public static MechanicCaller? Read(string? json) =>
        json is null ? null : MechanicJson.Read<MechanicCaller?>(json) is { Role: not null, Channel: not null } caller ? caller : null;

    public override string ToString() => $"{Role} via {Channel}";
}
