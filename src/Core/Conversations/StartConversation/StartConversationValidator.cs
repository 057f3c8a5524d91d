using FluentValidation;

namespace Monolith.Conversations;

/// <summary>Telegram ids: a user id is positive; a chat id is never 0 (groups and channels are negative).</summary>
public sealed class StartConversationValidator : AbstractValidator<StartConversationRequest>
{
    public const int MaxTitleLength = 500;

    public StartConversationValidator()
    {
        RuleFor(r => r.UserId).NotNull().GreaterThan(0);
        RuleFor(r => r.ChatId).NotNull().NotEqual(0);
        RuleFor(r => r.Title).MaximumLength(MaxTitleLength);
        RuleFor(r => r.Metadata).MustBeJsonObject();
    }
}
