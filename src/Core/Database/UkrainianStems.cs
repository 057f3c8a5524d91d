using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Monolith.Database;

/// <summary>
/// A light Ukrainian stemmer for the query side of full-text search. PostgreSQL has no Ukrainian configuration and a
/// hunspell dictionary costs every connection a second and 58 MB (docs/search-language.md), so Ukrainian word forms
/// are matched by prefix instead: the query word loses its reflexive, verb, adjective or noun ending (the longest that
/// leaves a stem of at least <see cref="MinStem"/> letters) and the stem is searched as a prefix (<c>хліб:*</c>) in
/// the stored <c>simple</c> part of the vector, which the existing GIN index answers. Nothing is stored, so no row
/// is re-indexed and writing a message costs the same as before.
/// </summary>
public static partial class UkrainianStems
{
    /// <summary>The shortest stem searched as a prefix; shorter stems (мова → мов) would match unrelated words.</summary>
    public const int MinStem = 4;

    // Porter-style endings of Ukrainian (reflexive first, then the longest verb, adjective or noun ending).
    private static readonly string[] Reflexive = ["ся", "сь", "си"];

    private static readonly string[] Endings =
    [
        .. new[]
        {
            // verbs
            "ати", "яти", "ити", "іти", "ути", "ти", "ть", "ав", "ала", "али", "ало", "ив", "ила", "или", "ило", "ла", "ли", "ло",
            "ють", "ять", "ить", "ать", "уть", "ете", "єте", "ите", "іте", "емо", "ємо", "имо", "імо", "еш", "єш", "иш", "іш",
            "учи", "ючи", "ачи", "ячи", "вши", "ши",
            // adjectives
            "ий", "ій", "ого", "ому", "ої", "ою", "ім", "им", "их", "іх", "ими", "іми", "ая", "яя", "ее", "єє", "ої", "ього", "ьому",
            // nouns
            "а", "я", "о", "е", "є", "у", "ю", "і", "ї", "и", "ь", "й", "ам", "ям", "ах", "ях", "ом", "ем", "єм", "ею", "єю",
            "ів", "їв", "ей", "ами", "ями", "ові", "еві", "єві", "ові",
        }.Distinct(StringComparer.Ordinal).OrderByDescending(e => e.Length),
    ];

    /// <summary>
    /// The tsquery text (for <c>to_tsquery('simple', …)</c>) that matches the Ukrainian word forms of websearch-style
    /// <paramref name="text"/> (words all required, <c>or</c>, <c>-excluded</c>), or null when no word of it has a
    /// Ukrainian stem, so the other configurations answer alone.
    /// </summary>
    public static string? Query(string text)
    {
        var query = new StringBuilder();
        var stemmed = false;
        var pendingOr = false;
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                pendingOr = query.Length > 0;
                continue;
            }

            var negated = token.StartsWith('-');
            foreach (Match word in Word().Matches(token))
            {
                var lower = word.Value.ToLower(CultureInfo.InvariantCulture);
                var stems = negated ? [] : Stems(lower);
                stemmed |= stems.Count > 0;
                var term = stems.Count == 0 ? $"'{lower}'" : $"( '{lower}' | {string.Join(" | ", stems.Select(s => $"'{s}':*"))} )";
                if (query.Length > 0)
                {
                    query.Append(pendingOr ? " | " : " & ");
                }

                query.Append(negated ? "!" : string.Empty).Append(term);
                pendingOr = false;
            }
        }

        return stemmed ? query.ToString() : null;
    }

    /// <summary>
    /// The prefixes one lower-case word is searched by: none for a non-Cyrillic word, a word with a letter only Russian
    /// has (ы, э, ъ, ё) or a word nothing could be stripped from unless it has a letter only Ukrainian has (і, ї, є, ґ),
    /// so Russian words keep their Russian-stemmer matches (стол does not start matching столица). A stem ending in
    /// a fleeting е or о before its last consonant also yields the stem without it (корабель → корабел, корабл: кораблі).
    /// </summary>
    public static IReadOnlyList<string> Stems(string word)
    {
        if (!word.All(IsCyrillic) || word.IndexOfAny(['ы', 'э', 'ъ', 'ё']) >= 0)
        {
            return [];
        }

        var stem = word;
        foreach (var ending in Reflexive)
        {
            if (stem.EndsWith(ending, StringComparison.Ordinal) && stem.Length - ending.Length >= MinStem)
            {
                stem = stem[..^ending.Length];
                break;
            }
        }

        foreach (var ending in Endings)
        {
            if (stem.EndsWith(ending, StringComparison.Ordinal) && stem.Length - ending.Length >= MinStem)
            {
                stem = stem[..^ending.Length];
                break;
            }
        }

        if (stem.Length < MinStem || (stem == word && word.IndexOfAny(['і', 'ї', 'є', 'ґ']) < 0))
        {
            return [];
        }

        var stems = new List<string> { stem };
        if (stem.Length > MinStem && stem[^2] is 'е' or 'о' && !IsVowel(stem[^1]) && !IsVowel(stem[^3]))
        {
            stems.Add(string.Concat(stem.AsSpan(0, stem.Length - 2), stem.AsSpan(stem.Length - 1)));
        }

        return stems;
    }

    private static bool IsCyrillic(char c) => c is >= 'а' and <= 'я' or 'і' or 'ї' or 'є' or 'ґ' or 'ё';

    private static bool IsVowel(char c) => "аеєиіїоуюяыэё".Contains(c, StringComparison.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex Word();
}
