using Monolith.Tests.Core.Documents;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Telegram;

public sealed class DocumentsSentToTheBotAreRead(MonolithFixture fixture) : BotTest(fixture)
{
    private const long User = 5_000_000_701;

    [Fact]
    public async Task AFileIsFetchedReadIndexedAndConfirmedWithPagesAndChunks()
    {
        var pdf = TestFiles.Pdf(["The boiler manual, page one."], ["Reset the boiler by holding the red button for ten seconds."]);
        var fileId = Bot.Api.AddFile("file_7.pdf", pdf);
        await Bot.PostAsync(UpdateJson.Document(800, User, fileId, "boiler.pdf", "application/pdf", pdf.Length, caption: "manual"));

        var sent = await Bot.Api.WaitForSentAsync(1);
        Assert.StartsWith("Read “boiler.pdf”: 2 pages", sent[0].Text, StringComparison.Ordinal);
        Assert.Contains("2 chunks", sent[0].Text, StringComparison.Ordinal);
        Assert.Contains(Bot.Api.Calls, c => c.Method == "getFile" && c.Body["file_id"]!.GetValue<string>() == fileId);
        Assert.Contains(Bot.Api.Calls, c => c.Method == "download" && c.Accepted);
        Assert.Equal(1L, await Bot.ScalarAsync<long>("SELECT count(*) FROM documents WHERE user_id = $1 AND file_name = 'boiler.pdf' AND metadata->>'caption' = 'manual'", User));
        Assert.Equal(2L, await Bot.ScalarAsync<long>("SELECT count(*) FROM search_index WHERE user_id = $1 AND entity_type = 'document_chunk'", User));

        // The same file again is recognised, not read twice.
        await Bot.PostAsync(UpdateJson.Document(801, User, fileId, "boiler-again.pdf", "application/pdf", pdf.Length));
        sent = await Bot.Api.WaitForSentAsync(2);
        Assert.StartsWith("I already have this file as “boiler.pdf”", sent[1].Text, StringComparison.Ordinal);
        Assert.Equal(1L, await Bot.ScalarAsync<long>("SELECT count(*) FROM documents WHERE user_id = $1", User));
    }

    [Fact]
    public async Task DocsListsAndForgetdocForgets()
    {
        var first = Bot.Api.AddFile("a.txt", "Notes about the allotment."u8.ToArray());
        var second = Bot.Api.AddFile("b.md", "# Plans\n\nPlant the beans in May."u8.ToArray());
        await Bot.PostAsync(UpdateJson.Document(810, User, first, "allotment.txt", "text/plain", 26));
        await Bot.Api.WaitForSentAsync(1);
        await Bot.PostAsync(UpdateJson.Document(811, User, second, "plans.md", "text/markdown", 32));
        await Bot.Api.WaitForSentAsync(2);

        await Bot.PostAsync(UpdateJson.Text(812, User, "/docs"));
        var sent = await Bot.Api.WaitForSentAsync(3);
        Assert.Contains("1. plans.md – 1 page, 1 chunks", sent[2].Text, StringComparison.Ordinal);
        Assert.Contains("2. allotment.txt", sent[2].Text, StringComparison.Ordinal);

        await Bot.PostAsync(UpdateJson.Text(813, User, "/forgetdoc 2"));
        sent = await Bot.Api.WaitForSentAsync(4);
        Assert.Equal("Forgotten “allotment.txt” and everything read from it.", sent[3].Text);
        Assert.Equal(0L, await Bot.ScalarAsync<long>("SELECT count(*) FROM documents WHERE file_name = 'allotment.txt'"));
        Assert.Equal(1L, await Bot.ScalarAsync<long>("SELECT count(*) FROM search_index WHERE entity_type = 'document_chunk'"));
        Assert.Equal(1L, await Bot.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'document_delete' AND actor = 'telegram'"));

        await Bot.PostAsync(UpdateJson.Text(814, User, "/forgetdoc 9"));
        sent = await Bot.Api.WaitForSentAsync(5);
        Assert.StartsWith("Send /forgetdoc followed by the number", sent[4].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsupportedUnreadableAndTooLargeFilesGetAPoliteAnswerAndNothingIsKept()
    {
        var image = Bot.Api.AddFile("photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        await Bot.PostAsync(UpdateJson.Document(820, User, image, "photo.png", "image/png", 8));
        var broken = Bot.Api.AddFile("broken.pdf", [.. TestFiles.Pdf(["text"]).Take(100)]);
        await Bot.PostAsync(UpdateJson.Document(821, User, broken, "broken.pdf", "application/pdf", 100));
        await Bot.PostAsync(UpdateJson.Document(822, User, "BQACAgIAAxkBAAIhugefilethatistoolarge", "video.pdf", "application/pdf", 25L * 1024 * 1024));
        await Bot.PostAsync(UpdateJson.Document(823, User, "BQACAgIAAxkBAAIunknownfileidentifier", "gone.pdf", "application/pdf", 1000));

        var sent = await Bot.Api.WaitForSentAsync(4);
        await Bot.WaitUntilProcessedAsync();
        Assert.Contains("formats read are PDF, DOCX", sent[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Sorry, I could not use that file. “broken.pdf” is not a readable PDF", sent[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("“video.pdf” is 25 MB; a bot can fetch files up to 20 MB", sent[2].Text, StringComparison.Ordinal);
        Assert.StartsWith("Telegram would not hand me “gone.pdf”", sent[3].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Bot.Api.Calls, c => c.Method == "getFile" && c.Body["file_id"]!.GetValue<string>().EndsWith("toolarge", StringComparison.Ordinal));
        Assert.Equal(0L, await Bot.ScalarAsync<long>("SELECT count(*) FROM documents"));
        Assert.Equal(0L, await Bot.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE status <> 'done'"));
    }
}
