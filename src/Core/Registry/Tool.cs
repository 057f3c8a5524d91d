namespace Monolith.Registry;

/// <summary>A registered tool: its module, the JSON Schema of its input and the agent it belongs to, if any.</summary>
public sealed class Tool
{
    public Guid Id { get; set; }

    public string Name { get; set; } = null!;

    public string? Description { get; set; }

    public string ModulePath { get; set; } = null!;

    public string? Schema { get; set; }

    public Guid? AgentId { get; set; }

    public Agent? Agent { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
