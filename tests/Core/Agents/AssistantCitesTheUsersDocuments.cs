using Monolith.Tests.Core.Documents;
using Monolith.Tests.Core.Telegram;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Agents;

public sealed class AssistantCitesTheUsersDocuments(MonolithFixture fixture) : ModelTest(fixture)
{
    private const long User = 5_000_000_901;

    [Fact]
    public async Task TheDefaultAssistantIsOfferedSearchDocumentsWhichAnswersWithFileAndPage()
    {
        var pdf = TestFiles.Pdf(["Warranty terms, page one."], ["The warranty on the dishwasher lasts until March 2029."]);
        await Bot.PostAsync(UpdateJson.Document(900, User, Bot.Api.AddFile("w.pdf", pdf), "warranty.pdf", "application/pdf", pdf.Length));
        await Bot.Api.WaitForSentAsync(1);

        Model.CallTools(("call_1", "search_documents", "{\"query\":\"dishwasher warranty\"}"));
        Model.Reply("Until March 2029 (warranty.pdf, p. 2).");
        await Bot.PostAsync(UpdateJson.Text(901, User, "how long is the dishwasher warranty?"));
        var sent = await Bot.Api.WaitForSentAsync(2);
        await Bot.WaitUntilProcessedAsync();

        Assert.Equal("Until March 2029 (warranty.pdf, p. 2).", sent[1].Text);
        var requests = Model.Requests.ToList();
        var offered = requests[0].Body["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("search_documents", offered);
        var tool = requests[1].Body["messages"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == "tool")!["content"]!.GetValue<string>();
        Assert.Contains("warranty.pdf, p. 2", tool, StringComparison.Ordinal);
        Assert.Contains("March 2029", tool, StringComparison.Ordinal);
    }
}
