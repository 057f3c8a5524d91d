using System.Text.RegularExpressions;
using FluentValidation;

namespace Monolith.Registry;

/// <summary>Rules for registry text: names are 1..100 characters of [A-Za-z0-9_.-] starting with a letter or digit; other text is checked with <see cref="Http.WellFormedText"/>.</summary>
public static partial class RegistryText
{
    public const int MaxNameLength = 100;

    public static bool IsName(string? name) => name is { Length: > 0 and <= MaxNameLength } && NamePattern().IsMatch(name);

    public static IRuleBuilderOptions<T, string?> RegistryName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(MaxNameLength)
            .Must(name => name is null || name.Length > MaxNameLength || NamePattern().IsMatch(name))
            .WithMessage("'{PropertyName}' must start with a letter or digit and hold only letters, digits, '_', '.' and '-'.");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
