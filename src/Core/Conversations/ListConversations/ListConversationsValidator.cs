using FluentValidation;
using Monolith.Http;

namespace Monolith.Conversations;

/// <summary>A list is always one user's: userId is required.</summary>
public sealed class ListConversationsValidator : AbstractValidator<ListConversationsQuery>
{
    public ListConversationsValidator()
    {
        RuleFor(q => q.UserId).NotNull().GreaterThan(0);
        RuleFor(q => q.Status).Must(status => status is null or ConversationStatus.Open or ConversationStatus.Closed)
            .WithMessage("'{PropertyName}' must be open or closed.");
        RuleFor(q => q.Limit).InclusiveBetween(1, PageCursor.MaxLimit);
    }
}
