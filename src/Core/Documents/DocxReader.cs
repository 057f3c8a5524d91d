using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Monolith.Documents;

/// <summary>
/// DOCX text with the Open XML SDK: paragraphs in body order (tables included), separated by blank lines. Pages are
/// the ones the file marks with explicit page breaks. The archive is checked before it is opened: too many entries,
/// too much declared content or an extreme compression ratio is a zip bomb, and no part may hold more characters than
/// <see cref="MaxCharactersInPart"/> while it is read.
/// </summary>
public static class DocxReader
{
    public const int MaxEntries = 2000;
    public const long MaxExpandedBytes = 256L * 1024 * 1024;
    public const long MaxCompressionRatio = 100;
    public const long MaxCharactersInPart = 64L * 1024 * 1024;

    public static ExtractedText Read(byte[] content, string fileName, int maxPages, CancellationToken cancellationToken)
    {
        try
        {
            CheckArchive(content, fileName);
            using var stream = new MemoryStream(content, writable: false);
            using var word = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var body = word.MainDocumentPart?.Document?.Body
                ?? throw new UnreadableDocumentException(UnreadableDocumentException.Unreadable, $"“{fileName}” is not a Word document (it has no body).");
            var text = new StringBuilder();
            var pageStarts = new List<int> { 0 };
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (paragraph.ParagraphProperties?.PageBreakBefore is { } before && (before.Val is null || before.Val.Value))
                {
                    NewPage(text, pageStarts, maxPages, fileName);
                }

                var start = text.Length;
                if (start > 0)
                {
                    text.Append("\n\n");
                }

                var written = text.Length;
                foreach (var element in paragraph.Descendants())
                {
                    switch (element)
                    {
                        case Text t:
                            text.Append(t.Text);
                            break;
                        case TabChar:
                            text.Append('\t');
                            break;
                        case Break { Type.Value: var type } when type == BreakValues.Page:
                            NewPage(text, pageStarts, maxPages, fileName);
                            break;
                        case Break or CarriageReturn:
                            text.Append('\n');
                            break;
                    }
                }

                if (text.Length == written)
                {
                    text.Length = start;
                }
            }

            return new ExtractedText(DocumentFormats.Docx, TextCleaner.Clean(text), [.. pageStarts]);
        }
        catch (Exception e) when (e is not (UnreadableDocumentException or OperationCanceledException))
        {
            throw new UnreadableDocumentException(UnreadableDocumentException.Unreadable, $"“{fileName}” is not a readable DOCX file ({e.GetType().Name}).");
        }
    }

    private static void NewPage(StringBuilder text, List<int> pageStarts, int maxPages, string fileName)
    {
        if (pageStarts.Count >= maxPages)
        {
            throw new UnreadableDocumentException(UnreadableDocumentException.TooLarge, $"“{fileName}” has more than {maxPages} pages; at most {maxPages} are read.");
        }

        pageStarts.Add(text.Length);
    }

    private static void CheckArchive(byte[] content, string fileName)
    {
        using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (archive.Entries.Count > MaxEntries)
        {
            throw Bomb(fileName, $"it holds {archive.Entries.Count} files");
        }

        long expanded = 0;
        foreach (var entry in archive.Entries)
        {
            expanded += entry.Length;
            if (expanded > MaxExpandedBytes)
            {
                throw Bomb(fileName, $"it expands to more than {MaxExpandedBytes / (1024 * 1024)} MB");
            }

            if (entry.Length > 1024 * 1024 && entry.Length > entry.CompressedLength * MaxCompressionRatio)
            {
                throw Bomb(fileName, $"{entry.FullName} is compressed more than {MaxCompressionRatio}:1");
            }
        }
    }

    private static UnreadableDocumentException Bomb(string fileName, string why) =>
        new(UnreadableDocumentException.Unreadable, $"“{fileName}” is refused: {why}, which a real document does not.");
}
