using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Monolith.Documents;

/// <summary>PDF text with PdfPig, page by page in content order; the page cap is checked before any page is read.</summary>
public static class PdfReader
{
    public static ExtractedText Read(byte[] content, string fileName, int maxPages, CancellationToken cancellationToken)
    {
        try
        {
            using var pdf = PdfDocument.Open(content, new ParsingOptions { SkipMissingFonts = true });
            if (pdf.NumberOfPages > maxPages)
            {
                throw new UnreadableDocumentException(
                    UnreadableDocumentException.TooLarge, $"“{fileName}” has {pdf.NumberOfPages} pages; at most {maxPages} are read.");
            }

            var text = new StringBuilder();
            var pageStarts = new int[pdf.NumberOfPages];
            for (var number = 1; number <= pdf.NumberOfPages; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (number > 1)
                {
                    text.Append("\n\n");
                }

                pageStarts[number - 1] = text.Length;
                text.Append(ContentOrderTextExtractor.GetText(pdf.GetPage(number), true).Trim());
            }

            return new ExtractedText(DocumentFormats.Pdf, TextCleaner.Clean(text), pageStarts);
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new UnreadableDocumentException(UnreadableDocumentException.Unreadable, $"“{fileName}” is an encrypted PDF; send it without a password.");
        }
        catch (Exception e) when (e is not (UnreadableDocumentException or OperationCanceledException))
        {
            throw new UnreadableDocumentException(UnreadableDocumentException.Unreadable, $"“{fileName}” is not a readable PDF ({e.GetType().Name}).");
        }
    }
}
