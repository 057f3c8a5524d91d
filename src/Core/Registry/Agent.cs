namespace Monolith.Registry;

/// <summary>A registered agent: its configuration file, version and whether it is active.</summary>
public sealed class Agent
{
    public Guid Id { get; set; }

    public string Name { get; set; } = null!;

    public string? Description { get; set; }

    public string ConfigPath { get; set; } = null!;

    public bool IsActive { get; set; } = true;

    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string CreatedBy { get; set; } = "system";
}
