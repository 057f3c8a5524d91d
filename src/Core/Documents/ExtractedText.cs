namespace Monolith.Documents;

/// <summary>A file's text with where each page starts in it (PageStarts[0] is 0; a format without pages has one).</summary>
public sealed record ExtractedText(string Format, string Text, int[] PageStarts)
{
    public int Pages => PageStarts.Length;

    /// <summary>The 1-based page holding the character at <paramref name="offset"/>.</summary>
    public static int PageOf(int[] pageStarts, int offset)
    {
        var index = Array.BinarySearch(pageStarts, offset);
        return index >= 0 ? LastStartingAt(pageStarts, index) + 1 : ~index;
    }

    // Empty pages share their start with the next page: the character belongs to the last page starting there.
    private static int LastStartingAt(int[] pageStarts, int index)
    {
        while (index + 1 < pageStarts.Length && pageStarts[index + 1] == pageStarts[index])
        {
            index++;
        }

        return index;
    }
}
