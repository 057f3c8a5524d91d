using System.Net;
using System.Text.Json;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Documents;

public sealed class SameFileTwiceIsRecognised(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private const long User = 7_000_000_101;

    [Fact]
    public async Task TheSecondUploadAnswersTheFirstDocumentAndStoresNothingNew()
    {
        var client = Fixture.Client();
        var pdf = TestFiles.Pdf(["A report on river levels."]);
        var first = await DocumentsApi.AddAsync(client, User, "report.pdf", pdf);

        using var again = await DocumentsApi.UploadAsync(client, User, "report-copy.pdf", pdf);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(DocumentsApi.IdOf(first), DocumentsApi.IdOf(second));
        Assert.Equal("report.pdf", second.GetProperty("fileName").GetString());
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM documents"));
        Assert.Equal(first.GetProperty("chunks").GetInt32(), (int)await CountAsync("SELECT count(*) FROM search_index WHERE entity_type = 'document_chunk'"));
    }

    [Fact]
    public async Task AnotherUserWithTheSameFileGetsADocumentOfTheirOwn()
    {
        var client = Fixture.Client();
        var pdf = TestFiles.Pdf(["Shared minutes of the meeting."]);
        var mine = await DocumentsApi.AddAsync(client, User, "minutes.pdf", pdf);
        var theirs = await DocumentsApi.AddAsync(client, User + 1, "minutes.pdf", pdf);
        Assert.NotEqual(DocumentsApi.IdOf(mine), DocumentsApi.IdOf(theirs));
    }

    [Fact]
    public async Task ConcurrentUploadsOfOneFileMakeOneDocument()
    {
        var client = Fixture.Client();
        var docx = TestFiles.Docx("Concurrent paragraph one.", "Concurrent paragraph two.");
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => DocumentsApi.UploadAsync(client, User, "same.docx", docx)));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"got {(int)r.StatusCode}"));
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM documents"));
        Assert.Equal(await CountAsync("SELECT count(*) FROM document_chunks"), await CountAsync("SELECT count(*) FROM search_index WHERE entity_type = 'document_chunk'"));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
