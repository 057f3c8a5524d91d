using System.Text.RegularExpressions;
using FluentValidation;

namespace Monolith.Registry;

/// <summary>Rules for registry text: names are 1..100 characters of [A-Za-z0-9_.-] starting with a letter or digit; other text is well-formed.</summary>
public static partial class RegistryText
{
    public const int MaxNameLength = 100;

    public static bool IsName(string? name) => name is { Length: > 0 and <= MaxNameLength } && NamePattern().IsMatch(name);

    public static IRuleBuilderOptions<T, string?> RegistryName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(MaxNameLength)
            .Must(name => name is null || name.Length > MaxNameLength || NamePattern().IsMatch(name))
            .WithMessage("'{PropertyName}' must start with a letter or digit and hold only letters, digits, '_', '.' and '-'.");

    /// <summary>One line: no control characters at all.</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || IsWellFormed(text, allowLineBreaks: false))
            .WithMessage("'{PropertyName}' must be one line of text: no control characters (such as \\u0000) and no unpaired surrogates.");

    /// <summary>Free text: tabs and line breaks are fine, other control characters are not.</summary>
    public static IRuleBuilderOptions<T, string?> FreeText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || IsWellFormed(text, allowLineBreaks: true))
            .WithMessage("'{PropertyName}' must be text without control characters (such as \\u0000) or unpaired surrogates.");

    /// <summary>PostgreSQL cannot store NUL and Npgsql cannot encode unpaired surrogates, so both are refused before they reach SQL.</summary>
    public static bool IsWellFormed(string text, bool allowLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'))
            {
                return false;
            }

            if (char.IsLowSurrogate(c))
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

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
