namespace Monolith.Documents;

/// <summary>One piece of a document's text: [Start, End) in the text, the pages it spans and its size in model tokens.</summary>
public sealed record TextChunk(int Index, int Start, int End, int Page, int PageEnd, int Tokens);
