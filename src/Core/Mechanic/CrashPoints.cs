namespace Monolith.Mechanic;

/// <summary>
/// A test seam on our own pipeline: when set, the pipeline throws right after finishing the named journal step,
/// as if the process died there, so tests can prove recovery leaves a consistent state.
/// </summary>
public sealed class CrashPoints
{
    /// <summary>Between the git commit and the journal entry that records it.</summary>
    internal const string GitCommitMade = "git_commit_made";

    internal string? CrashAfter { get; set; }

    internal void Reached(string stage)
    {
        if (CrashAfter == stage)
        {
            throw new SimulatedCrashException(stage);
        }
    }
}
