namespace Monolith.Documents;

/// <summary>One chunk of a document with its text and where it sits: offsets into the document's text and its pages.</summary>
public sealed record ChunkView(Guid Id, int ChunkIndex, int StartChar, int EndChar, int Page, int PageEnd, int Tokens, string Text);
