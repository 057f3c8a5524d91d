using System.Net;

namespace Monolith.Conversations;

/// <summary>
/// Turns ts_headline's output into safe HTML: the message text is HTML-escaped and only the match markers become
/// &lt;b&gt;…&lt;/b&gt;. ts_headline copies markup from the text as it is, so its own &lt;b&gt; cannot be told from a user's.
/// </summary>
public static class SearchSnippet
{
    /// <summary>Private-use characters ts_headline puts around matches; the query removes them from the text first.</summary>
    public const char Start = '\uE000';

    public const char Stop = '\uE001';

    public static readonly string HeadlineOptions =
        $"StartSel=\"{Start}\", StopSel=\"{Stop}\", MaxFragments=2, MinWords=8, MaxWords=24, FragmentDelimiter=\" … \"";

    public static string ToHtml(string headline) =>
        WebUtility.HtmlEncode(headline).Replace(Start.ToString(), "<b>", StringComparison.Ordinal).Replace(Stop.ToString(), "</b>", StringComparison.Ordinal);
}
