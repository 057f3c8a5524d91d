using FluentValidation;

namespace Monolith.Mcp;

public sealed class IssueUserKeyValidator : AbstractValidator<IssueUserKeyRequest>
{
    public IssueUserKeyValidator() => RuleFor(r => r.UserId).NotNull();
}
