using FluentValidation;
using Monolith.Http;

namespace Monolith.DynamicEntities;

/// <summary>Validates the dynamic entity list filters.</summary>
public sealed class EntityListQueryValidator : AbstractValidator<EntityListQuery>
{
    public EntityListQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, PageCursor.MaxLimit);
        RuleFor(q => q.Cursor).MaximumLength(512);
        RuleFor(q => q.CreatedBy).GreaterThan(0);
    }
}
