using FluentValidation;

namespace Monolith.Search;

/// <summary>Validates a search: one user, a query of 1 to 1000 characters, limit 1..100, up to 20 entity types, a known mode, minScore 0..1.</summary>
public sealed class SearchRequestValidator : AbstractValidator<SearchRequest>
{
    public const int MaxQueryLength = 1000;
    public const int MaxLimit = 100;
    public const int MaxEntityTypes = 20;

    public SearchRequestValidator()
    {
        RuleFor(r => r.UserId).NotNull().GreaterThan(0);
        RuleFor(r => r.Query).NotNull().Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("'query' must contain text.")
            .MaximumLength(MaxQueryLength);
        RuleFor(r => r.Limit).InclusiveBetween(1, MaxLimit);
        RuleFor(r => r.EntityTypes).Must(t => t!.Count <= MaxEntityTypes).When(r => r.EntityTypes is not null)
            .WithMessage($"'entityTypes' may hold at most {MaxEntityTypes} types.");
        RuleForEach(r => r.EntityTypes).NotEmpty().MustBeEntityType();
        RuleFor(r => r.Mode).Must(m => m is null || SearchRequest.Modes.ContainsKey(m))
            .WithMessage("'mode' must be semantic, fulltext or hybrid.");
        RuleFor(r => r.MinScore).InclusiveBetween(0, 1).When(r => r.MinScore is not null)
            .WithMessage("'minScore' must be between 0 and 1 (the mode's score scale).");
    }
}
