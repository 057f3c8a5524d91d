using FluentValidation;

namespace Monolith.Http;

/// <summary>
/// Text PostgreSQL can store and Npgsql can encode: no NUL (or other control characters) and no unpaired surrogates.
/// Validators refuse such text with a 400 naming the field instead of letting it fail in SQL.
/// </summary>
public static class WellFormedText
{
    public static bool IsWellFormed(string text, bool allowLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t')) || char.IsLowSurrogate(c))
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

    /// <summary>One line: no control characters at all.</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || IsWellFormed(text, allowLineBreaks: false))
            .WithMessage("'{PropertyName}' must be one line of text: no control characters (such as \\u0000) and no unpaired surrogates.");

    /// <summary>Free text: tabs and line breaks are fine, other control characters are not.</summary>
    public static IRuleBuilderOptions<T, string?> FreeText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || IsWellFormed(text, allowLineBreaks: true))
            .WithMessage("'{PropertyName}' must be text without control characters (such as \\u0000) or unpaired surrogates.");
}
