using FluentValidation;

namespace Monolith.Documents;

/// <summary>userId is optional; when given it is a Telegram user id (positive).</summary>
public sealed class GetDocumentValidator : AbstractValidator<GetDocumentQuery>
{
    public GetDocumentValidator() => RuleFor(q => q.UserId).GreaterThan(0);
}
