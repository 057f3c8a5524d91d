using System.Text;
using System.Text.RegularExpressions;

namespace Monolith.Mechanic;

/// <summary>
/// Text as a PostgreSQL string constant that reads back the same whatever the server's settings. An escape string
/// (E'…') with every backslash doubled and every quote doubled means the same text under standard_conforming_strings on
/// and off and under any backslash_quote, and every SQL splitter (the server's, Npgsql's, psql's) ends it at the same
/// quote. A plain '…' constant does not: with standard_conforming_strings off a backslash escapes the quote after it.
/// </summary>
public static partial class SqlLiteral
{
    /// <summary>The escape-string constant for <paramref name="text"/>.</summary>
    public static string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var literal = new StringBuilder(text.Length + 4).Append("E'");
        foreach (var c in text)
        {
            literal.Append(c switch
            {
                '\\' => @"\\",
                '\'' => "''",
                _ => c.ToString(),
            });
        }

        return literal.Append('\'').ToString();
    }

    /// <summary>Whether <paramref name="sql"/> is exactly one constant <see cref="Text"/> writes, and nothing else.</summary>
    public static bool IsText(string sql) => EscapeString().IsMatch(sql);

    [GeneratedRegex(@"\AE'(?:[^'\\]|''|\\\\)*'\z", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex EscapeString();
}
