using Microsoft.ML.Tokenizers;
using Monolith.Documents;

namespace Monolith.Tests.Core.Documents;

/// <summary>The chunker against a real WordPiece tokenizer (a letter-level vocab.txt, so every count is known and large).</summary>
public sealed class TextChunksFitTheModelWindow : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("monolith-chunks-").FullName;
    private readonly string vocab;

    public TextChunksFitTheModelWindow()
    {
        vocab = Path.Combine(folder, "vocab.txt");
        var letters = Enumerable.Range('a', 26).Select(c => ((char)c).ToString()).Concat(Enumerable.Range('0', 10).Select(c => ((char)c).ToString())).ToList();
        File.WriteAllLines(vocab, ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "passage", ":", .. letters, .. letters.Select(l => "##" + l), ".", ",", "!", "?", "-"]);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void EveryChunkFitsTheWindowInTheModelsOwnTokensAndTheTextIsCovered()
    {
        var tokens = EmbeddingTokens.WithTokenizer(vocab, "passage: ");
        var chunker = new TextChunker(tokens, windowTokens: 100, overlapTokens: 40);
        var text = string.Join("\n\n", Enumerable.Range(0, 30).Select(p =>
            string.Join(" ", Enumerable.Range(0, 4).Select(s => $"Paragraph {p} sentence {s} says a little more."))));
        var chunks = chunker.Chunk(text, [0]);

        var bert = BertTokenizer.Create(vocab);
        Assert.True(chunks.Count > 10);
        foreach (var chunk in chunks)
        {
            var counted = bert.EncodeToIds("passage: " + text[chunk.Start..chunk.End]).Count;
            Assert.True(counted <= 100, $"chunk {chunk.Index} is {counted} tokens with specials and prefix");
            Assert.Equal(counted - tokens.Reserved, chunk.Tokens);
        }

        // Sentence-aware: every chunk starts at a sentence start and ends after a full stop.
        Assert.All(chunks, c => Assert.True(text[c.Start..].StartsWith("Paragraph", StringComparison.Ordinal) && text[c.End - 1] == '.'));

        // Nothing is lost: consecutive chunks touch or overlap, from the first character to the last.
        Assert.Equal(0, chunks[0].Start);
        Assert.Equal(text.Length, chunks[^1].End);
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.True(chunks[i].Start <= text.IndexOf('P', chunks[i - 1].End), $"gap before chunk {i}");
            Assert.True(chunks[i].Start > chunks[i - 1].Start);
        }

        Assert.Contains(chunks.Skip(1), c => c.Start < chunks[c.Index - 1].End);
    }

    [Fact]
    public void AParagraphBoundaryIsPreferredOverFillingTheWindow()
    {
        var chunker = new TextChunker(EmbeddingTokens.WithTokenizer(vocab), windowTokens: 110, overlapTokens: 0);
        var first = "Alpha beta gamma delta. Epsilon zeta eta theta. Iota kappa lambda mu nu.";
        var second = string.Join(" ", Enumerable.Repeat("Another long sentence follows here.", 6));
        var text = first + "\n\n" + second;
        var chunks = chunker.Chunk(text, [0]);
        Assert.Equal(first.Length, chunks[0].End);
    }

    [Fact]
    public void ASentenceOrWordLongerThanTheWindowIsCutAndStillFits()
    {
        var tokens = EmbeddingTokens.WithTokenizer(vocab);
        var chunker = new TextChunker(tokens, windowTokens: 40, overlapTokens: 8);
        var text = string.Join(" ", Enumerable.Repeat("word", 80)) + " " + new string('x', 500) + ".";
        var chunks = chunker.Chunk(text, [0]);
        var bert = BertTokenizer.Create(vocab);
        Assert.All(chunks, c => Assert.True(bert.EncodeToIds(text[c.Start..c.End]).Count <= 40));
        Assert.Equal(text.Length, chunks[^1].End);
    }

    [Fact]
    public void ChunksKnowTheirPages()
    {
        var chunker = new TextChunker(EmbeddingTokens.Estimated(), windowTokens: 40, overlapTokens: 0);
        var page1 = string.Join(" ", Enumerable.Repeat("First page sentence.", 10));
        var page2 = string.Join(" ", Enumerable.Repeat("Second page sentence.", 10));
        var text = page1 + "\n\n" + page2;
        var chunks = chunker.Chunk(text, [0, page1.Length + 2]);
        Assert.All(chunks, c => Assert.Equal(text[c.Start..].StartsWith("First", StringComparison.Ordinal) ? 1 : 2, c.Page));
        Assert.All(chunks, c => Assert.Equal(c.Page, c.PageEnd));
    }
}
