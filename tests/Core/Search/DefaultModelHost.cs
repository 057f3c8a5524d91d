using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Search;

/// <summary>
/// The service with the default embedding settings (the bundled all-MiniLM-L6-v2) on a database of its own, holding a
/// user's facts in English, Russian and Ukrainian among chit-chat.
/// </summary>
public sealed class DefaultModelHost : IAsyncLifetime
{
    public const long User = 11;

    public static readonly string[] Documents =
    [
        "My cat is called Murka.", "I drive a red Toyota Corolla.", "I play the guitar in a small jazz band.",
        "My sister Anna lives in Berlin.", "I am allergic to peanuts.",
        "Мою кошку зовут Мурка.", "Мой рейс в Токио вылетает в пятницу.", "Мой сын боится собак.", "Я работаю медсестрой в городской больнице.",
        "Я вивчаю японську мову щовечора.", "Мій рейс до Токіо вилітає в п'ятницю.", "Мій син боїться собак.",
        "Вранці я купив свіжого хліба.", "Ми бачили великі кораблі в порту.",
        "Hi there!", "Thanks, that's helpful", "What's the weather like today?", "Привет!", "Как дела?", "Привіт!", "Як справи?", "Хочу кави",
    ];

    private TestDatabase? database;

    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("monolith_model");
        var settings = TestHost.Settings(database.ConnectionString);
        settings.Remove("EMBEDDING_PROVIDER");
        Host = await TestHost.StartAsync(settings);
        var client = Host.Client();
        foreach (var document in Documents)
        {
            await SearchApi.IndexAsync(client, "message", Guid.NewGuid(), User, document);
        }
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await database!.DisposeAsync();
    }
}
