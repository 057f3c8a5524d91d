using System.Net;
using System.Text.Json.Nodes;
using Monolith.Schema;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.DynamicEntities;

public sealed class EntityListsPageByCreationAndFilterByOwner(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly EntityShape Notes = new("PageNote", "page_notes", [new("Body", "body", FieldType.Text)]);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, Notes);
    }

    [Fact]
    public async Task PagesWalkEveryRowOfOneOwnerNewestFirstOnce()
    {
        var client = Fixture.Client();
        var mine = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            mine.Add((await client.CreateAsync(Notes.Table, new { createdBy = 100L, body = $"note {i}" })).Id());
            await client.CreateAsync(Notes.Table, new { createdBy = 200L, body = "someone else's" });
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var url = $"/api/entities/page_notes?createdBy=100&limit=3" + (cursor is null ? string.Empty : $"&cursor={cursor}");
            var page = JsonNode.Parse(await client.GetStringAsync(new Uri(url, UriKind.Relative)))!;
            var items = page["items"]!.AsArray();
            Assert.True(items.Count <= 3);
            Assert.All(items, item => Assert.Equal(100L, item!["createdBy"]!.GetValue<long>()));
            seen.AddRange(items.Select(item => item!["id"]!.GetValue<Guid>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        mine.Reverse();
        Assert.Equal(mine, seen);
    }

    [Fact]
    public async Task WithoutOwnerEveryLiveRowIsListed()
    {
        var client = Fixture.Client();
        await client.CreateAsync(Notes.Table, new { createdBy = 1L });
        await client.CreateAsync(Notes.Table, new { createdBy = 2L });
        var page = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/entities/page_notes", UriKind.Relative)))!;
        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.Null(page["nextCursor"]);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("limit=many")]
    [InlineData("createdBy=someone")]
    [InlineData("createdBy=0")]
    [InlineData("cursor=%%%garbage")]
    [InlineData("cursor=eyJub3QiOiJhIGN1cnNvciJ9")]
    [InlineData("cursor=eyJDcmVhdGVkQXQiOiIyMDI2LTAxLTAxVDAwOjAwOjAwIiwiSWQiOiJ4In0")]
    public async Task BadListQueryIs400Problem(string query)
    {
        var response = await Fixture.Client().GetAsync(new Uri($"/api/entities/page_notes?{query}", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ForgedCursorWithoutTimeZoneStillPages()
    {
        // {"CreatedAt":"2999-01-01T00:00:00","Id":"00000000-0000-0000-0000-000000000000"}: a well-formed key without an offset.
        var cursor = System.Buffers.Text.Base64Url.EncodeToString("{\"CreatedAt\":\"2999-01-01T00:00:00\",\"Id\":\"00000000-0000-0000-0000-000000000000\"}"u8);
        await Fixture.Client().CreateAsync(Notes.Table, new { createdBy = 1L });
        var response = await Fixture.Client().GetAsync(new Uri($"/api/entities/page_notes?cursor={cursor}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
