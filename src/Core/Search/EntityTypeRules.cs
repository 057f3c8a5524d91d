using FluentValidation;

namespace Monolith.Search;

/// <summary>An entity type is a short name that fits in a URL segment: 1 to 50 letters, digits, '_', '-', '.' or ':'.</summary>
public static class EntityTypeRules
{
    public const int MaxLength = 50;

    public static IRuleBuilderOptions<T, string?> MustBeEntityType<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MaxLength).Matches("^[A-Za-z0-9_.:-]+$")
            .WithMessage("'{PropertyName}' must be 1 to 50 letters, digits, '_', '-', '.' or ':'.");
}
