namespace Monolith.Mechanic;

/// <summary>Through which channel a proposal was made, approved or rejected; a new channel (Telegram) is one more value.</summary>
public static class ReviewChannel
{
    public const string Api = "api";
    public const string AdminPage = "admin_page";
    public const string Cli = "cli";
    public const string AutoApply = "auto_apply";

    /// <summary>The Telegram bot's assistant proposing for a user (propose_schema_change).</summary>
    public const string Bot = "bot";

    /// <summary>The header the admin page sends so its approvals are told apart from other API calls with the admin key.</summary>
    public const string HeaderName = "X-Review-Channel";

    public static IReadOnlyList<string> All { get; } = [Api, AdminPage, Cli, AutoApply, Bot];

    /// <summary>The channels an HTTP client may name in <see cref="HeaderName"/>.</summary>
    public static IReadOnlyList<string> Http { get; } = [Api, AdminPage];
}
