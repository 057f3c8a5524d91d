using FluentValidation;

namespace Monolith.Conversations;

/// <summary>userId is optional; when given it is a Telegram user id (positive).</summary>
public sealed class GetConversationValidator : AbstractValidator<GetConversationQuery>
{
    public GetConversationValidator() => RuleFor(q => q.UserId).GreaterThan(0);
}
