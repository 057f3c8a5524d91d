using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Search;

public sealed class HashingProviderFindsInflectedForms(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("книги", "Вчера я купил интересную книгу о космосе")]
    [InlineData("автомобилем", "Новый автомобиль стоит в гараже")]
    [InlineData("квитки", "Ми придбали квиток на потяг до Львова")]
    [InlineData("книжкою", "Бабуся читала онуці цікаву книжку")]
    public async Task RussianAndUkrainianQueriesFindOtherFormsOfTheWord(string query, string expected)
    {
        var client = Fixture.Client();
        string[] documents =
        [
            "Вчера я купил интересную книгу о космосе",
            "Новый автомобиль стоит в гараже",
            "Погода сегодня солнечная и тёплая",
            "Ми придбали квиток на потяг до Львова",
            "Бабуся читала онуці цікаву книжку",
            "Завтра буде дощ і сильний вітер",
        ];
        foreach (var content in documents)
        {
            await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 7, content);
        }

        var hits = await SearchApi.SearchAsync(client, 7, query, "semantic", limit: 3);

        Assert.Equal(expected, SearchApi.ContentOf(hits[0]));
        Assert.True(hits[0].GetProperty("score").GetDouble() > hits[1].GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task FullTextStemsRussian()
    {
        var client = Fixture.Client();
        var book = Guid.NewGuid();
        await SearchApi.IndexAsync(client, "note", book, 7, "Вчера я купил интересную книгу о космосе");
        await SearchApi.IndexAsync(client, "note", Guid.NewGuid(), 7, "Новый автомобиль стоит в гараже");

        var hits = await SearchApi.SearchAsync(client, 7, "книги", "fulltext");

        Assert.Equal(book, SearchApi.IdOf(Assert.Single(hits)));
        Assert.True(hits[0].GetProperty("score").GetDouble() > 0);
    }
}
