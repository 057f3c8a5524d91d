using System.Text.Json;
using Monolith.Database;
using Monolith.Tests.Support;
using static Monolith.Tests.Core.Conversations.ConversationsApi;

namespace Monolith.Tests.Core.Conversations;

public sealed class SearchFindsUkrainianWordFormsByStem(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("Купи свіжого хліба до вечері", "хліб", "<b>хліба</b>")]
    [InlineData("Ми снідали хлібом і маслом", "хліб", "<b>хлібом</b>")]
    [InlineData("У порту стояли великі кораблі", "корабель", "<b>кораблі</b>")]
    [InlineData("Ми снідали хлібом і маслом", "хліба", "<b>хлібом</b>")]
    public async Task UkrainianQueryFindsOtherFormsOfTheWord(string content, string query, string marked)
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        await AppendAsync(client, id, "nothing relevant here");
        await AppendAsync(client, id, content);

        var hit = Assert.Single(await SearchAsync(client, 42, query));
        Assert.Equal(2, hit.GetProperty("sequence").GetInt64());
        Assert.Contains(marked, hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RussianAndEnglishMatchAsBefore()
    {
        var client = Fixture.Client();
        var id = await StartIdAsync(client, 42);
        await AppendAsync(client, id, "Мы долго говорили о кошках и собаках");
        await AppendAsync(client, id, "Столица далеко");
        await AppendAsync(client, id, "We were running along the river");

        Assert.Single(await SearchAsync(client, 42, "кошка"));
        Assert.Empty(await SearchAsync(client, 42, "стол"));
        Assert.Single(await SearchAsync(client, 42, "runs"));
        Assert.Empty(await SearchAsync(client, 42, "кошка -собаках"));
    }

    [Theory]
    [InlineData("хліб", "хліб")]
    [InlineData("хлібом", "хліб")]
    [InlineData("кораблі", "корабл")]
    [InlineData("корабель", "корабел корабл")]
    [InlineData("мова", "")]
    [InlineData("стол", "")]
    [InlineData("кошкы", "")]
    [InlineData("bread", "")]
    public void StemsAreLongEnoughAndOnlyForUkrainianLookingWords(string word, string stems) =>
        Assert.Equal(stems, string.Join(' ', UkrainianStems.Stems(word)));

    [Fact]
    public void QueryKeepsOrAndExclusionAndIsNullWithoutStems()
    {
        Assert.Null(UkrainianStems.Query("red apples -green"));
        Assert.Equal("( 'хліб' | 'хліб':* ) | 'bread' & !'кораблі'", UkrainianStems.Query("хліб or bread -кораблі"));
    }

    private static async Task<List<JsonElement>> SearchAsync(HttpClient client, long userId, string query)
    {
        var hits = await GetAsync(client, $"/api/conversations/search?userId={userId}&q={Uri.EscapeDataString(query)}");
        return [.. hits.EnumerateArray()];
    }
}
