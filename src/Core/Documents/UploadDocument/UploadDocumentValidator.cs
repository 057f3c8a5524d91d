using System.Text;
using System.Text.Json;
using FluentValidation;
using Monolith.Http;

namespace Monolith.Documents;

/// <summary>
/// A Telegram user id, a file name of one line without folders (at most 255 characters), either a file or text
/// (without NUL or other control characters), and metadata that is a JSON object of at most 16 KB.
/// </summary>
public sealed class UploadDocumentValidator : AbstractValidator<UploadDocumentRequest>
{
    public const int MaxFileNameLength = 255;
    public const int MaxMetadataBytes = 16 * 1024;

    public UploadDocumentValidator()
    {
        RuleFor(r => r.UserId).NotNull().GreaterThan(0);
        RuleFor(r => r.FileName).NotEmpty().MaximumLength(MaxFileNameLength).SingleLine()
            .Must(name => name is null || name.IndexOfAny(['/', '\\']) < 0).WithMessage("'fileName' must be a name without folders ('/' or '\\').");
        RuleFor(r => r.ContentType).MaximumLength(MaxFileNameLength).SingleLine();
        RuleFor(r => r.Text).NotNull().When(r => !r.HasFile).WithMessage("Send a file (multipart/form-data, part 'file') or 'text' (JSON).");
        RuleFor(r => r.Text).FreeText();
        RuleFor(r => r.Metadata).Must(BeJsonObject).WithMessage($"'metadata' must be a JSON object of at most {MaxMetadataBytes / 1024} KB.");
    }

    private static bool BeJsonObject(string? metadata)
    {
        if (metadata is null)
        {
            return true;
        }

        if (Encoding.UTF8.GetByteCount(metadata) > MaxMetadataBytes)
        {
            return false;
        }

        try
        {
            using var parsed = JsonDocument.Parse(metadata);
            return parsed.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
