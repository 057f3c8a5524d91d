using FluentValidation;
using Monolith.Http;

namespace Monolith.Documents;

/// <summary>userId is required and positive; limit 1..200.</summary>
public sealed class ListDocumentsValidator : AbstractValidator<ListDocumentsQuery>
{
    public ListDocumentsValidator()
    {
        RuleFor(q => q.UserId).NotNull().GreaterThan(0);
        RuleFor(q => q.Limit).InclusiveBetween(1, PageCursor.MaxLimit);
    }
}
