using FluentValidation;

namespace Monolith.DynamicEntities;

/// <summary>createdBy is optional; when given it is a user id (positive), as in the list filter.</summary>
public sealed class EntityOwnerQueryValidator : AbstractValidator<EntityOwnerQuery>
{
    public EntityOwnerQueryValidator() => RuleFor(q => q.CreatedBy).GreaterThan(0);
}
