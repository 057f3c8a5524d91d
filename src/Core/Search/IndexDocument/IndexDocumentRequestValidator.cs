using System.Text.Json;
using FluentValidation;

namespace Monolith.Search;

/// <summary>Validates one document to index.</summary>
public sealed class IndexDocumentRequestValidator : AbstractValidator<IndexDocumentRequest>
{
    public const int MaxContentLength = 100_000;

    public IndexDocumentRequestValidator()
    {
        RuleFor(r => r.EntityType).NotEmpty().MustBeEntityType();
        RuleFor(r => r.EntityId).NotNull().NotEqual(Guid.Empty);
        RuleFor(r => r.UserId).NotNull().GreaterThan(0);
        RuleFor(r => r.Content).NotNull().Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("'content' must contain text.")
            .MaximumLength(MaxContentLength);
        RuleFor(r => r.Metadata).Must(m => m is null || m.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("'metadata' must be a JSON object.");
    }
}
