using System.Diagnostics;

namespace Monolith.Documents;

/// <summary>
/// Turns a file into text within the limits of <see cref="DocumentSettings"/>: size first, then the format, then
/// extraction on a worker thread with a time budget (a PDF or DOCX that takes longer is refused, and its reader stops
/// at the next page or paragraph), then the character cap.
/// </summary>
public sealed class DocumentExtractor(DocumentSettings settings)
{
    public async Task<ExtractedText> ExtractAsync(byte[] content, string fileName, string? contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > settings.MaxBytes)
        {
            throw new UnreadableDocumentException(
                UnreadableDocumentException.TooLarge, $"“{fileName}” is {Megabytes(content.Length)}; at most {Megabytes(settings.MaxBytes)} are read.");
        }

        var format = DocumentFormats.Detect(content, fileName, contentType);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.ExtractionBudget);
        var started = Stopwatch.StartNew();
        var reading = Task.Run(
            () => format switch
            {
                DocumentFormats.Pdf => PdfReader.Read(content, fileName, settings.MaxPages, budget.Token),
                DocumentFormats.Docx => DocxReader.Read(content, fileName, settings.MaxPages, budget.Token),
                _ => PlainTextReader.Read(content, format, fileName),
            },
            CancellationToken.None);
        ExtractedText extracted;
        try
        {
            extracted = await reading.WaitAsync(settings.ExtractionBudget, cancellationToken);
        }
        catch (Exception e) when ((e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)) && started.Elapsed >= settings.ExtractionBudget * 0.9)
        {
            throw new UnreadableDocumentException(
                UnreadableDocumentException.Unreadable, $"Reading “{fileName}” took longer than {settings.ExtractionBudget.TotalSeconds:0} s; it was stopped.");
        }

        return Checked(extracted, fileName);
    }

    /// <summary>Text sent as text: no decoding or format reader, the same page rules and caps.</summary>
    public ExtractedText FromText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var format = Path.GetExtension(fileName).ToLowerInvariant() is ".md" or ".markdown" ? DocumentFormats.Markdown : DocumentFormats.Text;
        return Checked(PlainTextReader.FromText(text, format, fileName), fileName);
    }

    private ExtractedText Checked(ExtractedText extracted, string fileName)
    {
        if (extracted.Pages > settings.MaxPages)
        {
            throw new UnreadableDocumentException(
                UnreadableDocumentException.TooLarge, $"“{fileName}” has {extracted.Pages} pages; at most {settings.MaxPages} are read.");
        }

        if (extracted.Text.Length > settings.MaxCharacters)
        {
            throw new UnreadableDocumentException(
                UnreadableDocumentException.TooLarge, $"“{fileName}” holds {extracted.Text.Length:N0} characters of text; at most {settings.MaxCharacters:N0} are kept.");
        }

        if (string.IsNullOrWhiteSpace(extracted.Text))
        {
            throw new UnreadableDocumentException(
                UnreadableDocumentException.Unreadable, $"“{fileName}” has no text to read (a scanned PDF is only images, and no OCR is done here).");
        }

        return extracted;
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
