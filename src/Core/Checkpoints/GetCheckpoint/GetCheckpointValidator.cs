using FluentValidation;

namespace Monolith.Checkpoints;

/// <summary>Validates the address of one checkpoint.</summary>
public sealed class GetCheckpointValidator : AbstractValidator<GetCheckpointQuery>
{
    public GetCheckpointValidator()
    {
        RuleFor(q => q.ThreadId).RequiredCheckpointKey();
        RuleFor(q => q.CheckpointId).RequiredCheckpointKey();
        RuleFor(q => q.Ns).CheckpointKey();
    }
}
