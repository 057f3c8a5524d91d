using System.Net;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Search;

public sealed class DeletingADocumentRemovesIt(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task DeleteAnswers204ThenTheDocumentIsGoneAnd404()
    {
        var client = Fixture.Client();
        var id = Guid.NewGuid();
        await SearchApi.IndexAsync(client, "note", id, 1, "remember the dentist appointment");

        using (var deleted = await client.DeleteAsync(new Uri($"/api/search/documents/note/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Empty(await SearchApi.SearchAsync(client, 1, "dentist appointment", "hybrid"));
        using var again = await client.DeleteAsync(new Uri($"/api/search/documents/note/{id}", UriKind.Relative));
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
