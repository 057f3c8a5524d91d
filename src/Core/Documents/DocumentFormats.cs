namespace Monolith.Documents;

/// <summary>The formats read here and how a file is recognised: PDF and DOCX by their bytes, text by name or content type.</summary>
public static class DocumentFormats
{
    public const string Text = "text";
    public const string Markdown = "markdown";
    public const string Pdf = "pdf";
    public const string Docx = "docx";

    public const string Supported = "PDF, DOCX, Markdown (.md) and plain text (.txt)";

    private static readonly string[] TextExtensions = [".txt", ".text", ".log", ".csv"];
    private static readonly string[] MarkdownExtensions = [".md", ".markdown"];

    /// <summary>The format of the file, or <see cref="UnreadableDocumentException"/> (415) when it is none of the supported ones.</summary>
    public static string Detect(ReadOnlySpan<byte> content, string fileName, string? contentType)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var type = (contentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return extension == ".docx" || type == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                ? Docx
                : throw Unsupported(fileName, "a ZIP archive that is not a .docx");
        }

        if (extension == ".pdf" || extension == ".docx")
        {
            throw new UnreadableDocumentException(UnreadableDocumentException.Unreadable, $"“{fileName}” is named {extension} but is not a {extension[1..].ToUpperInvariant()} file.");
        }

        if (MarkdownExtensions.Contains(extension) || type == "text/markdown")
        {
            return Markdown;
        }

        if (TextExtensions.Contains(extension) || type.StartsWith("text/", StringComparison.Ordinal) || (extension.Length == 0 && type.Length == 0))
        {
            return Text;
        }

        throw Unsupported(fileName, extension.Length > 0 ? $"a {extension} file" : $"of type {type}");
    }

    private static UnreadableDocumentException Unsupported(string fileName, string what) =>
        new(UnreadableDocumentException.Unsupported, $"“{fileName}” is {what}; the formats read are {Supported}.");
}
