using Monolith.Tests.Core.Telegram;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Agents;

/// <summary>Base of assistant tests: the bot's service with CHAT_MODEL_* pointing at a fake chat model.</summary>
public abstract class ModelTest(MonolithFixture fixture) : IntegrationTest(fixture)
{
    public const string ApiKey = "sk-test-model-key";

    private BotHost? bot;
    private FakeChatModel? model;

    protected BotHost Bot => bot ?? throw new InvalidOperationException("not started");

    /// <summary>AGENT_CONFIG_DIR of the service: the tests write their agent config files there.</summary>
    protected virtual string ConfigDirectory => Path.GetTempPath();

    protected FakeChatModel Model => model ?? throw new InvalidOperationException("not started");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        model = await FakeChatModel.StartAsync();
        bot = await BotHost.StartAsync(Fixture.ConnectionString, new Dictionary<string, string?>
        {
            ["CHAT_MODEL_BASE_URL"] = model.BaseUrl.ToString(),
            ["CHAT_MODEL_API_KEY"] = ApiKey,
            ["CHAT_MODEL"] = "test-model",
            ["CHAT_MODEL_TIMEOUT_SECONDS"] = "1",
            ["AGENT_CONFIG_DIR"] = ConfigDirectory,
        });
    }

    public override async Task DisposeAsync()
    {
        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        if (model is not null)
        {
            await model.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
