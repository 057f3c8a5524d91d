using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Telegram;

/// <summary>Base of bot tests: empty tables, then a bot-enabled service and fake Bot API for the test.</summary>
public abstract class BotTest(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private BotHost? bot;

    protected BotHost Bot => bot ?? throw new InvalidOperationException("not started");

    /// <summary>Extra settings for the bot's service (chat model, queue size).</summary>
    protected virtual Dictionary<string, string?> ExtraSettings => [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        bot = await BotHost.StartAsync(Fixture.ConnectionString, ExtraSettings);
    }

    public override async Task DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
