namespace Monolith.Conversations;

/// <summary>The roles a message may have, as stored in messages.role.</summary>
public static class MessageRole
{
    public const string User = "user";
    public const string Assistant = "assistant";
    public const string System = "system";
    public const string Tool = "tool";

    public static IReadOnlyList<string> All { get; } = [User, Assistant, System, Tool];

    public static bool IsKnown(string? role) => role is User or Assistant or System or Tool;
}
