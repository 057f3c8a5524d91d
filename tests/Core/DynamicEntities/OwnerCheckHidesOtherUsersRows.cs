using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.DynamicEntities;

public sealed class OwnerCheckHidesOtherUsersRows(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly EntityShape Notes = new("OwnedNote", "owned_notes", [new("Body", "body", FieldType.Text)]);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, Notes);
    }

    [Fact]
    public async Task AnotherUsersRowAnswers404ToGetPatchAndDeleteLikeAMissingRow()
    {
        var client = Fixture.Client();
        var id = (await client.CreateAsync(Notes.Table, new { createdBy = 100L, body = "mine" })).Id();
        var row = $"/api/entities/owned_notes/{id}";

        var other = await (await client.GetAsync(new Uri($"{row}?createdBy=200", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await client.GetAsync(new Uri($"/api/entities/owned_notes/{Guid.NewGuid()}?createdBy=200", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(missing.GetProperty("title").GetString(), other.GetProperty("title").GetString());
        Assert.DoesNotContain("100", other.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await client.PatchAsJsonAsync($"{row}?createdBy=200", new { body = "taken over" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync(new Uri($"{row}?createdBy=200", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);

        var kept = JsonNode.Parse(await client.GetStringAsync(new Uri($"{row}?createdBy=100", UriKind.Relative)))!;
        Assert.Equal("mine", kept["body"]!.GetValue<string>());
        Assert.Equal("mine", JsonNode.Parse(await client.GetStringAsync(new Uri(row, UriKind.Relative)))!["body"]!.GetValue<string>());
        var patched = await client.PatchAsJsonAsync($"{row}?createdBy=100", new { body = "edited" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("edited", (await patched.ReadObjectAsync())["body"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"{row}?createdBy=100", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public async Task ABadOwnerIsAValidationProblem(string createdBy)
    {
        var client = Fixture.Client();
        var id = (await client.CreateAsync(Notes.Table, new { createdBy = 100L, body = "mine" })).Id();
        var row = $"/api/entities/owned_notes/{id}?createdBy={createdBy}";
        await (await client.GetAsync(new Uri(row, UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PatchAsJsonAsync(row, new { body = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.DeleteAsync(new Uri(row, UriKind.Relative))).AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
