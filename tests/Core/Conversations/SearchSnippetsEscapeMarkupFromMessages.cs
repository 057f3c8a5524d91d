using System.Text.Json;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Conversations.ConversationsApi;

namespace Monolith.Tests.Core.Conversations;

public sealed class SearchSnippetsEscapeMarkupFromMessages(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("look <img src=x onerror=alert(1)> kittens here", "kittens", "look &lt;img src=x onerror=alert(1)&gt; <b>kittens</b> here")]
    [InlineData("<script>steal()</script> kittens", "kittens", "&lt;script&gt;steal()&lt;/script&gt; <b>kittens</b>")]
    [InlineData("fake <b>bold</b> & \"quoted\" 'single' kittens", "kittens", "fake &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; &#39;single&#39; <b>kittens</b>")]
    [InlineData("markers \uE000smuggled\uE001 kittens", "kittens", "markers smuggled <b>kittens</b>")]
    public async Task OnlyTheMatchMarkersAreHtml(string content, string query, string snippet)
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        await AppendAsync(client, id, content);

        var hit = Assert.Single(await SearchAsync(client, 42, query));
        Assert.Equal(snippet, hit.GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task AMatchInsideMarkupIsMarkedAsEscapedText()
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        await AppendAsync(client, id, "<a href=\"javascript:alert(1)\">kittens</a>");

        var snippet = Assert.Single(await SearchAsync(client, 42, "kittens")).GetProperty("snippet").GetString()!;
        Assert.DoesNotContain("<a", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;a href=&quot;javascript:alert(1)&quot;&gt;", snippet, StringComparison.Ordinal);
        Assert.Contains("<b>kittens</b>", snippet, StringComparison.Ordinal);
        Assert.Equal(2, snippet.Split('<').Length - 1);
    }

    private static async Task<List<JsonElement>> SearchAsync(HttpClient client, long userId, string query) =>
        [.. (await GetAsync(client, $"/api/conversations/search?userId={userId}&q={Uri.EscapeDataString(query)}")).EnumerateArray()];
}
