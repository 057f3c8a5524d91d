namespace Monolith.Documents;

/// <summary>
/// A file that cannot become a document, with the HTTP status that says why: 413 (too large: bytes, pages or
/// characters), 415 (not a format read here) or 422 (damaged, encrypted, not text, or too slow to read).
/// </summary>
public sealed class UnreadableDocumentException(int status, string detail) : Exception(detail)
{
    public const int TooLarge = 413;
    public const int Unsupported = 415;
    public const int Unreadable = 422;

    public int Status { get; } = status;
}
