namespace Monolith.Retention;

/// <summary>One cleanup run: for real or dry, who asks (recorded in the audit log), and where progress lines go.</summary>
public sealed record CleanupRequest(bool DryRun = false, string Actor = CleanupRequest.OperatorActor, IProgress<string>? Progress = null)
{
    public const string OperatorActor = "operator";
    public const string ScheduleActor = "retention-schedule";
}
