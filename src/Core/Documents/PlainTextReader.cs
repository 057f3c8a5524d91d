using System.Text;

namespace Monolith.Documents;

/// <summary>
/// Text and Markdown files: strict UTF-8 (a BOM is dropped), line breaks made \n; a form feed starts a new page.
/// NUL or other control characters mean a binary file and are refused rather than stored.
/// </summary>
public static class PlainTextReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ExtractedText Read(byte[] content, string format, string fileName)
    {
        string text;
        try
        {
            text = Strict.GetString(content.AsSpan().StartsWith("\uFEFF"u8) ? content.AsSpan(3) : content);
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableDocumentException(UnreadableDocumentException.Unreadable, $"“{fileName}” is not valid UTF-8 text: save it as UTF-8 and send it again.");
        }

        return FromText(text, format, fileName);
    }

    /// <summary>Text that arrived as text (JSON): the same rules, without the decoding.</summary>
    public static ExtractedText FromText(string text, string format, string fileName)
    {
        var builder = new StringBuilder(text.Length);
        var pageStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    builder.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\f':
                    builder.Append("\n\n");
                    pageStarts.Add(builder.Length);
                    break;
                case '\n' or '\t':
                    builder.Append(c);
                    break;
                case '\0':
                    throw new UnreadableDocumentException(UnreadableDocumentException.Unreadable, $"“{fileName}” holds NUL characters: it is a binary file, not text.");
                default:
                    if (char.IsControl(c))
                    {
                        throw new UnreadableDocumentException(
                            UnreadableDocumentException.Unreadable, $"“{fileName}” holds control characters (U+{(int)c:X4}): it is a binary file, not text.");
                    }

                    builder.Append(c);
                    break;
            }
        }

        return new ExtractedText(format, builder.ToString(), [.. pageStarts]);
    }
}
