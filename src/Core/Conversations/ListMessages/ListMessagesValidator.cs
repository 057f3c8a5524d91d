using FluentValidation;
using Monolith.Http;

namespace Monolith.Conversations;

/// <summary>Either <c>before</c> or <c>cursor</c> says where a page starts, not both.</summary>
public sealed class ListMessagesValidator : AbstractValidator<ListMessagesQuery>
{
    public ListMessagesValidator()
    {
        RuleFor(q => q.Before).GreaterThan(0);
        RuleFor(q => q.UserId).GreaterThan(0);
        RuleFor(q => q.Limit).InclusiveBetween(1, PageCursor.MaxLimit);
        RuleFor(q => q.Cursor).Empty().When(q => q.Before is not null).WithMessage("Pass either before or cursor, not both.");
    }
}
