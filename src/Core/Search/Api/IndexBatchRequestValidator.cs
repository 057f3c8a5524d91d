using FluentValidation;

namespace Monolith.Search.Api;

/// <summary>Validates a batch: 1 to 100 valid documents, each key once.</summary>
public sealed class IndexBatchRequestValidator : AbstractValidator<IndexBatchRequest>
{
    public const int MaxDocuments = 100;

    public IndexBatchRequestValidator()
    {
        RuleFor(r => r.Documents).Cascade(CascadeMode.Stop).NotNull().WithMessage("'documents' is required.").Must(d => d!.Count is >= 1 and <= MaxDocuments)
            .WithMessage($"'documents' must hold 1 to {MaxDocuments} documents.")
            .Must(d => d!.Where(x => x is not null).DistinctBy(x => (x.EntityType, x.EntityId)).Count() == d!.Count(x => x is not null))
            .WithMessage("'documents' names the same entityType and entityId twice.");
        RuleForEach(r => r.Documents).NotNull().SetValidator(new IndexDocumentRequestValidator());
    }
}
