using FluentValidation;
using Monolith.Http;

namespace Monolith.Audit;

/// <summary>Validates the audit filters.</summary>
public sealed class AuditQueryValidator : AbstractValidator<AuditQuery>
{
    public AuditQueryValidator()
    {
        RuleFor(q => q.Action).MaximumLength(50);
        RuleFor(q => q.Actor).MaximumLength(100);
        RuleFor(q => q.Limit).InclusiveBetween(1, PageCursor.MaxLimit);
    }
}
