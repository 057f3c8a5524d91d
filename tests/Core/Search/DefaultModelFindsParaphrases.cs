using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Monolith.Tests.Core.Search;

/// <summary>With the default settings, hybrid search finds what a user said by its meaning and by other forms of its words.</summary>
public sealed class DefaultModelFindsParaphrases(DefaultModelHost model) : IClassFixture<DefaultModelHost>
{
    [Theory]
    [InlineData("What's the name of my pet?", "My cat is called Murka.")]
    [InlineData("What car do I have?", "I drive a red Toyota Corolla.")]
    [InlineData("Which musical instrument do I play?", "I play the guitar in a small jazz band.")]
    public Task English(string question, string fact) => FoundInTopThreeAsync(question, fact);

    [Theory]
    [InlineData("Как зовут моего питомца?", "Мою кошку зовут Мурка.")]
    [InlineData("Когда я лечу в Японию?", "Мой рейс в Токио вылетает в пятницу.")]
    [InlineData("Каких животных опасается мой мальчик?", "Мой сын боится собак.")]
    public Task Russian(string question, string fact) => FoundInTopThreeAsync(question, fact);

    [Theory]
    [InlineData("Яку іноземну мову я опановую?", "Я вивчаю японську мову щовечора.")]
    [InlineData("Коли я лечу до Японії?", "Мій рейс до Токіо вилітає в п'ятницю.")]
    [InlineData("Яких тварин лякається мій хлопчик?", "Мій син боїться собак.")]
    [InlineData("хліб", "Вранці я купив свіжого хліба.")]
    [InlineData("корабель", "Ми бачили великі кораблі в порту.")]
    public Task Ukrainian(string question, string fact) => FoundInTopThreeAsync(question, fact);

    [Fact]
    public async Task TheStoredVectorsNameTheModel()
    {
        var hits = await SearchApi.SearchAsync(model.Host.Client(), DefaultModelHost.User, "Murka", mode: "semantic", limit: 100);

        Assert.Equal(DefaultModelHost.Documents.Length, hits.Count);
        await using var connection = await model.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT DISTINCT embedding_model FROM search_index", connection);
        Assert.Equal("onnx:all-MiniLM-L6-v2", await command.ExecuteScalarAsync());
    }

    private async Task FoundInTopThreeAsync(string question, string fact)
    {
        var hits = await SearchApi.SearchAsync(model.Host.Client(), DefaultModelHost.User, question, mode: "hybrid", limit: 3);

        Assert.Contains(fact, hits.Select(SearchApi.ContentOf));
    }
}
