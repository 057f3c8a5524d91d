using System.Text;
using FluentValidation;

namespace Monolith.Conversations;

/// <summary>A known role and non-blank content of at most 64 KiB of UTF-8.</summary>
public sealed class AppendMessageValidator : AbstractValidator<AppendMessageRequest>
{
    /// <summary>Telegram caps a message at 4096 characters; 64 KiB leaves room for model and tool output without storing documents.</summary>
    public const int MaxContentBytes = 64 * 1024;

    public AppendMessageValidator()
    {
        RuleFor(r => r.Role).NotEmpty().Must(MessageRole.IsKnown)
            .WithMessage($"'{{PropertyName}}' must be one of {string.Join(", ", MessageRole.All)}.");
        RuleFor(r => r.Content).NotEmpty().Must(content => content is null || Encoding.UTF8.GetByteCount(content) <= MaxContentBytes)
            .WithMessage($"'{{PropertyName}}' must be at most {MaxContentBytes} bytes of UTF-8.");
        RuleFor(r => r.Metadata).MustBeJsonObject();
    }
}
