using Monolith.Documents;

namespace Monolith.Tests.Core.Documents;

public sealed class SlowExtractionStopsAtTheBudget
{
    [Fact]
    public async Task APdfThatTakesLongerThanTheBudgetIsRefused()
    {
        var pages = Enumerable.Range(0, 60).Select(p => TestFiles.Filler(45, $"page {p}")).ToArray();
        var extractor = new DocumentExtractor(DocumentSettings.Default with { ExtractionBudget = TimeSpan.FromMilliseconds(1) });

        var refused = await Assert.ThrowsAsync<UnreadableDocumentException>(() => extractor.ExtractAsync(TestFiles.Pdf(pages), "slow.pdf", null, CancellationToken.None));
        Assert.Equal(UnreadableDocumentException.Unreadable, refused.Status);
        Assert.Contains("took longer than", refused.Message, StringComparison.Ordinal);
    }
}
