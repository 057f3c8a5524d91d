using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Monolith.Mechanic;

/// <summary>
/// The bidirectional control characters (embeddings, overrides, isolates and the directional marks) that make text read
/// differently from how it is stored: a reviewer must see what will be applied, so the Mechanic refuses them.
/// </summary>
public static partial class BidiControls
{
    private static readonly SearchValues<char> Characters = SearchValues.Create(
        "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>The index of the first bidirectional control character in <paramref name="text"/>, or -1.</summary>
    public static int IndexOf(string? text) => text is null ? -1 : text.AsSpan().IndexOfAny(Characters);

    public static bool IsFree(string? text) => IndexOf(text) < 0;

    /// <summary>Whether JSON text holds no bidirectional control character, written as itself or as a \u escape.</summary>
    public static bool IsFreeJson(string json) => IsFree(json) && !EscapedInJson().IsMatch(json);

    /// <summary>"U+202E", for messages that must not carry the character itself.</summary>
    public static string Describe(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\\u(061[cC]|200[eEfF]|202[a-eA-E]|206[6-9])", RegexOptions.CultureInvariant)]
    private static partial Regex EscapedInJson();
}
