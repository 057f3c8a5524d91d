using FluentValidation;

namespace Monolith.Checkpoints;

/// <summary>Rules for thread ids, checkpoint ids, namespaces, task ids and channels: at most 255 printable characters.</summary>
public static class CheckpointKeyRules
{
    public const int MaxLength = 255;

    public static IRuleBuilderOptions<T, string?> CheckpointKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MaxLength)
            .Must(text => text is null || IsPrintable(text))
            .WithMessage("'{PropertyName}' must be printable text: no control characters (such as \\u0000) and no unpaired surrogates.");

    public static IRuleBuilderOptions<T, string?> RequiredCheckpointKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().CheckpointKey();

    /// <summary>PostgreSQL cannot store NUL and Npgsql cannot encode unpaired surrogates, so both are refused before they reach SQL.</summary>
    public static bool IsPrintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || char.IsLowSurrogate(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }
}
