using System.Net.Http.Json;
using System.Text.Json;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Documents;

public sealed class SearchAnswersWithCitations(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private const long User = 7_000_000_401;
    private static readonly string[] ChunkType = ["document_chunk"];

    [Theory]
    [InlineData("semantic")]
    [InlineData("hybrid")]
    [InlineData("fulltext")]
    public async Task AFactDeepInALongPdfIsFoundWithItsFileChunkOffsetsAndPage(string mode)
    {
        var client = Fixture.Client();
        string[][] pages =
        [
            TestFiles.Filler(40, "first"),
            TestFiles.Filler(40, "second"),
            [.. TestFiles.Filler(20, "third"), "The vault combination is kept by the quartermaster Ingrid Haldorsen.", .. TestFiles.Filler(20, "third")],
        ];
        var document = await DocumentsApi.AddAsync(client, User, "handbook.pdf", TestFiles.Pdf(pages));
        await WaitUntilEmbeddedAsync();

        var hits = await DocumentsApi.SearchAsync(client, User, "quartermaster Haldorsen vault combination", mode, limit: 3);
        var top = hits[0];
        Assert.Equal(DocumentsApi.IdOf(document), top.GetProperty("documentId").GetGuid());
        Assert.Equal("handbook.pdf", top.GetProperty("fileName").GetString());
        Assert.Equal(3, top.GetProperty("page").GetInt32());
        Assert.Contains("Haldorsen", top.GetProperty("text").GetString(), StringComparison.Ordinal);

        // The offsets point at the chunk's text inside the document's text.
        var chunks = await DocumentsApi.ChunksAsync(client, DocumentsApi.IdOf(document), User);
        var chunk = chunks.Single(c => c.GetProperty("chunkIndex").GetInt32() == top.GetProperty("chunkIndex").GetInt32());
        Assert.Equal(chunk.GetProperty("startChar").GetInt32(), top.GetProperty("startChar").GetInt32());
        Assert.Equal(chunk.GetProperty("endChar").GetInt32() - chunk.GetProperty("startChar").GetInt32(), top.GetProperty("text").GetString()!.Length);
    }

    [Fact]
    public async Task TheGeneralSearchShowsTheCitationInTheHitsMetadata()
    {
        var client = Fixture.Client();
        await DocumentsApi.AddAsync(client, User, "recipes.docx", TestFiles.Docx("Soup.", "\f", "The secret ingredient of the stew is smoked paprika."));
        await WaitUntilEmbeddedAsync();

        using var response = await client.PostAsJsonAsync("/api/search", new { userId = User, query = "secret ingredient stew paprika", mode = "hybrid", entityTypes = ChunkType });
        var hits = await response.Content.ReadFromJsonAsync<JsonElement>();
        var metadata = hits[0].GetProperty("metadata");
        Assert.Equal("recipes.docx", metadata.GetProperty("fileName").GetString());
        Assert.Equal(2, metadata.GetProperty("page").GetInt32());
        Assert.True(metadata.GetProperty("endChar").GetInt32() > metadata.GetProperty("startChar").GetInt32());
    }

    private async Task WaitUntilEmbeddedAsync()
    {
        await Eventually.TrueAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM search_index WHERE embedding IS NULL", connection);
            return (long)(await command.ExecuteScalarAsync())! == 0;
        });
    }
}
