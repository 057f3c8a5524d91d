using FluentValidation;
using Monolith.Http;

namespace Monolith.Mechanic;

/// <summary>Validates the proposal list filters.</summary>
public sealed class ProposalQueryValidator : AbstractValidator<ProposalQuery>
{
    public ProposalQueryValidator()
    {
        RuleFor(q => q.Status)
            .Must(s => s is null || ProposalStatus.All.Contains(s))
            .WithMessage($"status must be one of {string.Join(", ", ProposalStatus.All)}.");
        RuleFor(q => q.Limit).InclusiveBetween(1, PageCursor.MaxLimit);
    }
}
