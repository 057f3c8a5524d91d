using System.Text.RegularExpressions;

namespace Monolith.Documents;

/// <summary>
/// Cuts text into chunks that fit the embedding model's window, measured in its tokens. The units are sentences
/// (a sentence ends at . ! ? … followed by a space, or at a line break) inside paragraphs (blank lines and page starts
/// separate them); a sentence longer than the window is cut between words, and a word longer than it between
/// characters. Units are packed greedily; a chunk that overflows ends at the last paragraph boundary past half the
/// window when there is one; no chunk crosses a page start, so a citation names one page. The next chunk repeats the previous chunk's last whole sentences that fit in the overlap,
/// so a fact cut by a boundary is whole in one of the two.
/// </summary>
public sealed partial class TextChunker(EmbeddingTokens tokens, int windowTokens, int overlapTokens)
{
    /// <summary>What a chunk's own text may cost: the window less the special tokens and the passage prefix.</summary>
    public int Budget { get; } = Math.Max(8, windowTokens - tokens.Reserved);

    public IReadOnlyList<TextChunk> Chunk(string text, int[] pageStarts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var units = Units(text, pageStarts, cancellationToken);
        var chunks = new List<TextChunk>();
        var first = 0;
        while (first < units.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var last = first;
            var sum = units[first].Tokens;
            while (last + 1 < units.Count && !units[last + 1].StartsPage && sum + units[last + 1].Tokens <= Budget)
            {
                last++;
                sum += units[last].Tokens;
            }

            if (last + 1 < units.Count && !units[last + 1].StartsPage)
            {
                last = ParagraphCut(units, first, last);
            }

            // Token counts of pieces need not add up exactly (a sentencepiece merge across a space): measure the whole.
            var measured = tokens.Count(text[units[first].Start..units[last].End]);
            while (measured > Budget && last > first)
            {
                last--;
                measured = tokens.Count(text[units[first].Start..units[last].End]);
            }

            var start = units[first].Start;
            var end = units[last].End;
            chunks.Add(new TextChunk(
                chunks.Count, start, end, ExtractedText.PageOf(pageStarts, start), ExtractedText.PageOf(pageStarts, Math.Max(start, end - 1)), measured));
            first = last + 1 < units.Count ? OverlapStart(units, first, last) : units.Count;
        }

        return chunks;
    }

    /// <summary>Ends the chunk before the last paragraph that starts past half the budget, if any.</summary>
    private int ParagraphCut(List<Unit> units, int first, int last)
    {
        if (units[last + 1].StartsParagraph)
        {
            return last;
        }

        var before = 0;
        var cut = -1;
        for (var i = first; i <= last; i++)
        {
            if (i > first && units[i].StartsParagraph && before >= Budget / 2)
            {
                cut = i - 1;
            }

            before += units[i].Tokens;
        }

        return cut >= 0 ? cut : last;
    }

    /// <summary>The first unit of the next chunk: the latest whole sentences of this one that fit in the overlap, never before first + 1.</summary>
    private int OverlapStart(List<Unit> units, int first, int last)
    {
        var next = last + 1;
        if (units[next].StartsPage)
        {
            return next;
        }

        var sum = 0;
        for (var i = last; i > first; i--)
        {
            sum += units[i].Tokens;
            if (sum > overlapTokens)
            {
                break;
            }

            next = i;
        }

        return next;
    }

    private List<Unit> Units(string text, int[] pageStarts, CancellationToken cancellationToken)
    {
        var units = new List<Unit>();
        var nextPage = 1;
        foreach (var (start, end) in Paragraphs(text, pageStarts))
        {
            var paragraphStart = true;

            // A page starts with this paragraph when a page start lies between the previous paragraph and this one.
            var pageStart = false;
            while (nextPage < pageStarts.Length && pageStarts[nextPage] <= start)
            {
                pageStart = units.Count > 0;
                nextPage++;
            }

            foreach (Match sentence in Sentence().Matches(text[start..end]))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (s, e) = Trim(text, start + sentence.Index, start + sentence.Index + sentence.Length);
                if (s >= e)
                {
                    continue;
                }

                var count = tokens.Count(text[s..e]);
                if (count <= Budget)
                {
                    units.Add(new Unit(s, e, count, paragraphStart, pageStart));
                }
                else
                {
                    var pieces = Words(text, s, e);
                    for (var i = 0; i < pieces.Count; i++)
                    {
                        units.Add(pieces[i] with { StartsParagraph = paragraphStart && i == 0, StartsPage = pageStart && i == 0 });
                    }
                }

                paragraphStart = false;
                pageStart = false;
            }
        }

        return units;
    }

    /// <summary>A sentence too long for the window, cut between words into pieces that fit; a word too long, between characters.</summary>
    private List<Unit> Words(string text, int start, int end)
    {
        var pieces = new List<Unit>();
        var pieceStart = -1;
        var pieceEnd = -1;
        var sum = 0;
        foreach (Match word in NonSpace().Matches(text[start..end]))
        {
            var s = start + word.Index;
            var e = s + word.Length;
            var count = tokens.Count(text[s..e]);
            if (count > Budget)
            {
                if (pieceStart >= 0)
                {
                    pieces.Add(new Unit(pieceStart, pieceEnd, sum, false));
                    pieceStart = -1;
                    sum = 0;
                }

                pieces.AddRange(Characters(text, s, e));
                continue;
            }

            if (pieceStart >= 0 && sum + count > Budget)
            {
                pieces.Add(new Unit(pieceStart, pieceEnd, sum, false));
                pieceStart = -1;
                sum = 0;
            }

            pieceStart = pieceStart < 0 ? s : pieceStart;
            pieceEnd = e;
            sum += count;
        }

        if (pieceStart >= 0)
        {
            pieces.Add(new Unit(pieceStart, pieceEnd, sum, false));
        }

        return pieces;
    }

    /// <summary>Every token covers at least one character, so Budget characters never exceed Budget tokens; surrogate pairs stay whole.</summary>
    private List<Unit> Characters(string text, int start, int end)
    {
        var pieces = new List<Unit>();
        while (start < end)
        {
            var stop = Math.Min(end, start + Budget);
            if (stop < end && char.IsHighSurrogate(text[stop - 1]))
            {
                stop--;
            }

            pieces.Add(new Unit(start, stop, tokens.Count(text[start..stop]), false));
            start = stop;
        }

        return pieces;
    }

    /// <summary>Paragraphs: text between blank lines, also cut where a page starts.</summary>
    private static IEnumerable<(int Start, int End)> Paragraphs(string text, int[] pageStarts)
    {
        var boundaries = new SortedSet<int>(pageStarts.Where(p => p > 0 && p < text.Length));
        var start = 0;
        foreach (Match gap in BlankLine().Matches(text))
        {
            foreach (var piece in Split(start, gap.Index, boundaries))
            {
                yield return piece;
            }

            start = gap.Index + gap.Length;
        }

        foreach (var piece in Split(start, text.Length, boundaries))
        {
            yield return piece;
        }
    }

    private static IEnumerable<(int Start, int End)> Split(int start, int end, SortedSet<int> boundaries)
    {
        foreach (var boundary in boundaries.GetViewBetween(start + 1, Math.Max(start + 1, end - 1)))
        {
            yield return (start, boundary);
            start = boundary;
        }

        yield return (start, end);
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLine();

    /// <summary>A sentence: up to . ! ? … (with closing quotes or brackets) before white space, or up to a line break.</summary>
    [GeneratedRegex(@"[^\n]*?(?:[.!?…。]+[""'”’»)\]]*(?=\s)|\n|$)")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\S+")]
    private static partial Regex NonSpace();

    private readonly record struct Unit(int Start, int End, int Tokens, bool StartsParagraph, bool StartsPage = false);
}
