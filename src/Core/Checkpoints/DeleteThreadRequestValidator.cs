using FluentValidation;

namespace Monolith.Checkpoints;

/// <summary>Validates the thread id of a thread deletion.</summary>
public sealed class DeleteThreadRequestValidator : AbstractValidator<DeleteThreadRequest>
{
    public DeleteThreadRequestValidator() => RuleFor(r => r.ThreadId).RequiredCheckpointKey();
}
