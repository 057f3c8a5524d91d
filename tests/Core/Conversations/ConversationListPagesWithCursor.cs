using System.Net;
using System.Text.Json;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Conversations.ConversationsApi;

namespace Monolith.Tests.Core.Conversations;

public sealed class ConversationListPagesWithCursor(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task WalkingTheCursorVisitsEveryConversationOnceNewestFirst()
    {
        var client = Fixture.Client();
        var started = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            started.Add(await StartIdAsync(client, 42, i + 1));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetAsync(client, "/api/conversations?userId=42&limit=3" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(Items(page).Select(c => c.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(started), seen);
    }

    [Fact]
    public async Task AppendingDoesNotReorderPages()
    {
        var client = Fixture.Client();
        var older = await StartIdAsync(client, 42, 1);
        var newer = await StartIdAsync(client, 42, 2);
        var first = await GetAsync(client, "/api/conversations?userId=42&limit=1");
        Assert.Equal(newer, Items(first)[0].GetProperty("id").GetGuid());

        await AppendAsync(client, older, "activity in the older conversation");
        var second = await GetAsync(client, $"/api/conversations?userId=42&limit=1&cursor={first.GetProperty("nextCursor").GetString()}");
        Assert.Equal(older, Items(second)[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task ForgedCursorIs400Problem()
    {
        var response = await Fixture.Client().GetAsync(new Uri("/api/conversations?userId=42&cursor=eyJub3QiOiJhIGN1cnNvciJ9", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
