using FluentValidation;

namespace Monolith.Checkpoints;

/// <summary>Validates the thread and namespace of a latest-checkpoint read.</summary>
public sealed class LatestCheckpointValidator : AbstractValidator<LatestCheckpointQuery>
{
    public LatestCheckpointValidator()
    {
        RuleFor(q => q.ThreadId).RequiredCheckpointKey();
        RuleFor(q => q.Ns).CheckpointKey();
    }
}
