using System.Text;

namespace Monolith.Documents;

/// <summary>
/// Makes text pulled out of a binary format storable without moving any offset: control characters other than
/// \n and \t become spaces and unpaired surrogates become U+FFFD, one character for one.
/// </summary>
public static class TextCleaner
{
    public static string Clean(StringBuilder text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                text[i] = '\uFFFD';
            }
            else if (char.IsControl(c) && c is not ('\n' or '\t'))
            {
                text[i] = ' ';
            }
        }

        return text.ToString();
    }
}
