using System.Net;
using System.Net.Http.Json;
using System.Text;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Documents;

/// <summary>A service with small limits on the shared test database: every bad file is a clear 4xx and leaves no row behind.</summary>
public sealed class BadFilesAreRefusedAndNothingIsStored(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private const long User = 7_000_000_501;
    private TestHost host = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var settings = TestHost.Settings(Fixture.ConnectionString);
        settings["DOCUMENT_MAX_BYTES"] = "1048576";
        settings["DOCUMENT_MAX_PAGES"] = "2";
        settings["DOCUMENT_MAX_CHARACTERS"] = "5000";
        host = await TestHost.StartAsync(settings);
    }

    public override async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await base.DisposeAsync();
    }

    public static TheoryData<string, string, byte[], HttpStatusCode, string> BadFiles => new()
    {
        { "encrypted PDF", "locked.pdf", TestFiles.EncryptedPdf(), HttpStatusCode.UnprocessableEntity, "encrypted" },
        { "truncated PDF", "broken.pdf", [.. TestFiles.Pdf(["Some text."]).Take(200)], HttpStatusCode.UnprocessableEntity, "not a readable PDF" },
        { "PDF name, other bytes", "fake.pdf", "just text"u8.ToArray(), HttpStatusCode.UnprocessableEntity, "is not a PDF" },
        { "too many pages", "thick.pdf", TestFiles.Pdf(["one"], ["two"], ["three"]), HttpStatusCode.RequestEntityTooLarge, "3 pages" },
        { "DOCX zip bomb", "bomb.docx", TestFiles.ZipBomb(), HttpStatusCode.UnprocessableEntity, "refused" },
        { "DOCX that is not a package", "junk.docx", [.. "PK\u0003\u0004"u8, .. new byte[300]], HttpStatusCode.UnprocessableEntity, "not a readable DOCX" },
        { "text with NUL", "nul.txt", "before\0after"u8.ToArray(), HttpStatusCode.UnprocessableEntity, "NUL" },
        { "invalid UTF-8", "latin1.txt", [0x63, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x6B], HttpStatusCode.UnprocessableEntity, "UTF-8" },
        { "no text", "blank.txt", " \n\n \t"u8.ToArray(), HttpStatusCode.UnprocessableEntity, "no text" },
        { "too many characters", "long.txt", Encoding.UTF8.GetBytes(new string('a', 6000)), HttpStatusCode.RequestEntityTooLarge, "characters" },
        { "too many bytes", "huge.txt", Encoding.UTF8.GetBytes(new string('b', 1_100_000)), HttpStatusCode.RequestEntityTooLarge, "larger than" },
        { "unsupported format", "photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], HttpStatusCode.UnsupportedMediaType, "formats read" },
        { "ZIP that is not a DOCX", "archive.zip", TestFiles.Docx("zipped"), HttpStatusCode.UnsupportedMediaType, "not a .docx" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task TheFileIsRefusedWithAClearProblem(string what, string fileName, byte[] content, HttpStatusCode status, string detail)
    {
        using var response = await DocumentsApi.UploadAsync(host.Client(), User, fileName, content);
        var problem = await response.AssertProblemAsync(status);
        Assert.True(problem.GetProperty("detail").GetString()!.Contains(detail, StringComparison.Ordinal), $"{what}: {problem.GetProperty("detail").GetString()}");
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task JsonTextWithNulOrAMissingFileIsABadRequest()
    {
        var client = host.Client();
        using (var nul = await DocumentsApi.AddTextAsync(client, User, "nul.txt", "before\u0000after"))
        {
            var problem = await nul.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
        }

        using (var noText = await client.PostAsJsonAsync("/api/documents", new { userId = User, fileName = "empty.txt" }))
        {
            await noText.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var folder = await DocumentsApi.AddTextAsync(client, User, "../etc/passwd", "text"))
        {
            var problem = await folder.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("fileName", out _));
        }

        using (var metadata = await DocumentsApi.UploadAsync(client, User, "ok.txt", "fine"u8.ToArray(), metadata: "[1, 2]"))
        {
            await metadata.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var wrongType = await client.PostAsync("/api/documents", new StringContent("plain body", Encoding.UTF8, "text/plain")))
        {
            await wrongType.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        }

        using (var badJson = await client.PostAsync("/api/documents", new StringContent("{\"userId\": ", Encoding.UTF8, "application/json")))
        {
            await badJson.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        await AssertNothingStoredAsync();
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM documents) + (SELECT count(*) FROM document_chunks) + (SELECT count(*) FROM search_index)", connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}
