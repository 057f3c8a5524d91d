namespace Monolith.Registry;

/// <summary>One call of a tool: arguments, result and how long it took.</summary>
public sealed class ToolUsage
{
    public Guid Id { get; set; }

    public Guid ToolId { get; set; }

    public Guid? ConversationId { get; set; }

    public Guid? MessageId { get; set; }

    public string Arguments { get; set; } = "{}";

    public string? Result { get; set; }

    public int ExecutionTimeMs { get; set; }

    public string? ServerName { get; set; }

    public DateTime CreatedAt { get; set; }
}
