namespace Monolith.Health;

/// <summary>The body of a health answer: overall status and each check.</summary>
public sealed record HealthReportView(string Status, IReadOnlyList<HealthCheckView> Checks);
