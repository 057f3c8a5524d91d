using FluentValidation;

namespace Monolith.Checkpoints;

/// <summary>Validates the thread id of a thread deletion.</summary>
public sealed class DeleteThreadValidator : AbstractValidator<DeleteThreadRequest>
{
    public DeleteThreadValidator() => RuleFor(r => r.ThreadId).RequiredCheckpointKey();
}
