namespace Monolith.Documents;

/// <summary>A search hit in a user's documents, with what a citation needs: the file, the chunk, its offsets and pages.</summary>
public sealed record DocumentCitation(
    Guid DocumentId, string FileName, int ChunkIndex, int StartChar, int EndChar, int Page, int PageEnd, string Text, double Score);
