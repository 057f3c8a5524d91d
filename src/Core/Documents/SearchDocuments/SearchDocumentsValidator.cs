using FluentValidation;
using Monolith.Http;
using Monolith.Search;

namespace Monolith.Documents;

/// <summary>One user, a query of 1 to 1000 characters, limit 1..50, mode semantic, fulltext or hybrid (the default).</summary>
public sealed class SearchDocumentsValidator : AbstractValidator<SearchDocumentsRequest>
{
    public const int MaxLimit = 50;

    public SearchDocumentsValidator()
    {
        RuleFor(r => r.UserId).NotNull().GreaterThan(0);
        RuleFor(r => r.Query).NotNull().Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("'query' must contain text.")
            .MaximumLength(SearchRequestValidator.MaxQueryLength).FreeText();
        RuleFor(r => r.Limit).InclusiveBetween(1, MaxLimit);
        RuleFor(r => r.Mode).Must(m => m is null || SearchRequest.Modes.ContainsKey(m)).WithMessage("'mode' must be semantic, fulltext or hybrid.");
    }
}
