using Monolith.Telegram;

namespace Monolith.Tests.Core.Telegram;

public sealed class LongRepliesAreSplitSafely
{
    [Fact]
    public void ShortTextIsOnePart() => Assert.Equal(["hello"], MessageSplitter.Split("hello"));

    [Fact]
    public void TextIsCutAtLineBreaksAndKeepsEveryWord()
    {
        var lines = Enumerable.Range(0, 300).Select(i => $"line {i:D3} " + new string('x', 20)).ToList();
        var parts = MessageSplitter.Split(string.Join('\n', lines));
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, MessageSplitter.MaxLength));
        Assert.Equal(lines, parts.SelectMany(p => p.Split('\n')));
    }

    [Fact]
    public void TextWithoutBreaksNeverSplitsAnEmoji()
    {
        var text = "a" + string.Concat(Enumerable.Repeat("😀", 5000));
        var parts = MessageSplitter.Split(text);
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(parts));
    }
}
