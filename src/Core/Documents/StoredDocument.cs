namespace Monolith.Documents;

/// <summary>
/// One row of documents: a user's file as text. The file itself is not kept: its extracted text, its SHA-256 (to
/// recognise the same file again) and where each page starts in the text are what citations need.
/// </summary>
public sealed class StoredDocument
{
    public Guid Id { get; set; }

    public long UserId { get; set; }

    public string FileName { get; set; } = null!;

    /// <summary>text, markdown, pdf or docx.</summary>
    public string Format { get; set; } = null!;

    public string ContentType { get; set; } = null!;

    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the bytes received, lower-case hex; unique per user.</summary>
    public string ContentHash { get; set; } = null!;

    public string Text { get; set; } = null!;

    /// <summary>The character offset in <see cref="Text"/> where each page starts; page n starts at PageStarts[n - 1].</summary>
    public int[] PageStarts { get; set; } = [];

    public int ChunkCount { get; set; }

    public string Metadata { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }
}
