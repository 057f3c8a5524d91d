using FluentValidation;
using Monolith.Http;

namespace Monolith.Registry;

/// <summary>Validates tool usage paging.</summary>
public sealed class ToolUsageQueryValidator : AbstractValidator<ToolUsageQuery>
{
    public ToolUsageQueryValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, PageCursor.MaxLimit);
}
