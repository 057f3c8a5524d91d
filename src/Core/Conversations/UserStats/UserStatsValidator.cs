using FluentValidation;

namespace Monolith.Conversations;

/// <summary>Telegram user ids are positive.</summary>
public sealed class UserStatsValidator : AbstractValidator<UserStatsQuery>
{
    public UserStatsValidator() => RuleFor(q => q.UserId).GreaterThan(0);
}
