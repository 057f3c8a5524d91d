using FluentValidation;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>Validates registry list paging.</summary>
public sealed class RegistryListQueryValidator : AbstractValidator<RegistryListQuery>
{
    public RegistryListQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, PageCursor.MaxLimit);
}
