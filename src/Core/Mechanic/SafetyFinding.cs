namespace Monolith.Mechanic;

/// <summary>Why a draft is unsafe (error) or worth a reviewer's look (warning), by rule name, with the source line when known.</summary>
public sealed record SafetyFinding(string Rule, string Severity, string Message, int? Line = null)
{
    public const string Error = "error";
    public const string Warning = "warning";
}
