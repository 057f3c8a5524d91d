using FluentValidation;
using Monolith.Http;

namespace Monolith.Mechanic;

/// <summary>A rejection needs a reason.</summary>
public sealed class RejectRequestValidator : AbstractValidator<RejectRequest>
{
    public RejectRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(2000).FreeText();
        RuleFor(r => r.Reason).Must(BidiControls.IsFree).WithMessage(ChangeRequestValidator.NoBidiControls);
    }
}
