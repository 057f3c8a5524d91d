using System.Net;
using System.Text;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Documents;

public sealed class EachFormatIsReadWithItsPages(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private const long User = 7_000_000_001;

    [Fact]
    public async Task PdfPagesAreKeptAndEachChunkKnowsItsPage()
    {
        var client = Fixture.Client();
        var pdf = TestFiles.Pdf(["Chapter one about apples."], ["Chapter two about the lighthouse keeper."], ["Chapter three about volcanoes."]);
        var document = await DocumentsApi.AddAsync(client, User, "book.pdf", pdf, "application/pdf");

        Assert.Equal("pdf", document.GetProperty("format").GetString());
        Assert.Equal(3, document.GetProperty("pages").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), document.GetProperty("contentHash").GetString());
        var chunks = await DocumentsApi.ChunksAsync(client, DocumentsApi.IdOf(document), User);
        var lighthouse = Assert.Single(chunks, c => c.GetProperty("text").GetString()!.Contains("lighthouse", StringComparison.Ordinal));
        Assert.Equal(2, lighthouse.GetProperty("page").GetInt32());
        Assert.All(chunks, c => Assert.True(c.GetProperty("page").GetInt32() <= c.GetProperty("pageEnd").GetInt32()));
    }

    [Fact]
    public async Task DocxParagraphsAndExplicitPageBreaksAreRead()
    {
        var client = Fixture.Client();
        var docx = TestFiles.Docx("The first page mentions the harbour.", "\f", "The second page names the ship Aurora.");
        var document = await DocumentsApi.AddAsync(client, User, "ships.docx", docx);

        Assert.Equal("docx", document.GetProperty("format").GetString());
        Assert.Equal(2, document.GetProperty("pages").GetInt32());
        var chunks = await DocumentsApi.ChunksAsync(client, DocumentsApi.IdOf(document), User);
        var aurora = Assert.Single(chunks, c => c.GetProperty("text").GetString()!.Contains("Aurora", StringComparison.Ordinal));
        Assert.Equal(2, aurora.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task MarkdownAndTextAreReadAsUtf8AndAFormFeedStartsAPage()
    {
        var client = Fixture.Client();
        var markdown = await DocumentsApi.AddAsync(client, User, "notes.md", Encoding.UTF8.GetBytes("# Heading\n\nПривіт, світе: the notes are in Ukrainian too.\n"), "text/markdown");
        Assert.Equal("markdown", markdown.GetProperty("format").GetString());

        var text = await DocumentsApi.AddAsync(client, User, "pages.txt", Encoding.UTF8.GetBytes("\uFEFFFirst page.\r\n\fSecond page holds the code word marmalade."), "text/plain");
        Assert.Equal("text", text.GetProperty("format").GetString());
        Assert.Equal(2, text.GetProperty("pages").GetInt32());
        var chunks = await DocumentsApi.ChunksAsync(client, DocumentsApi.IdOf(text), User);
        var second = Assert.Single(chunks, c => c.GetProperty("text").GetString()!.Contains("marmalade", StringComparison.Ordinal));
        Assert.Equal(2, second.GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task JsonTextIsADocumentToo()
    {
        var client = Fixture.Client();
        using var response = await DocumentsApi.AddTextAsync(client, User, "pasted.md", "Pasted text about the garden shed.", new { source = "clipboard" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("markdown", document.GetProperty("format").GetString());
        Assert.Equal("clipboard", document.GetProperty("metadata").GetProperty("source").GetString());
        Assert.Equal($"/api/documents/{DocumentsApi.IdOf(document)}", response.Headers.Location!.ToString());
    }
}
