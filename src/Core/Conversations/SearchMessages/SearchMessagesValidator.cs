using FluentValidation;
using Monolith.Http;

namespace Monolith.Conversations;

/// <summary>Search is always within one user's messages, for a non-blank query of at most 500 characters.</summary>
public sealed class SearchMessagesValidator : AbstractValidator<SearchMessagesQuery>
{
    public const int MaxQueryLength = 500;

    public SearchMessagesValidator()
    {
        RuleFor(q => q.UserId).NotNull().GreaterThan(0);
        RuleFor(q => q.Q).NotEmpty().MaximumLength(MaxQueryLength);
        RuleFor(q => q.Limit).InclusiveBetween(1, PageCursor.MaxLimit);
    }
}
