namespace Monolith.Health;

/// <summary>One readiness check as reported by /health/ready.</summary>
public sealed record HealthCheckView(string Name, string Status, string? Description);
