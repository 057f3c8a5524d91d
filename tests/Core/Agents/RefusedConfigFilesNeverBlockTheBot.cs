using System.Diagnostics;
using Monolith.Agents;
using Monolith.Tests.Core.Registry;
using Monolith.Tests.Core.Telegram;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Agents;

public sealed class RefusedConfigFilesNeverBlockTheBot(MonolithFixture fixture) : ModelTest(fixture), IDisposable
{
    private readonly AgentConfigFiles files = new();

    protected override string ConfigDirectory => files.Root;

    [Theory]
    [InlineData("fifo.json")]
    [InlineData("zero.json")]
    [InlineData("/dev/zero")]
    [InlineData("escape.json")]
    [InlineData("big.json")]
    public async Task TheBuiltInAssistantAnswersAtOnce(string path)
    {
        // Written straight into the table: an operator's SQL or an older row bypasses the API's check.
        await Bot.ScalarAsync<Guid>("INSERT INTO agents (name, config_path) VALUES ('assistant', $1) RETURNING id", path);
        Model.Reply("Default answer one.");
        Model.Reply("Default answer two.");
        var clock = Stopwatch.StartNew();
        await Bot.PostAsync(UpdateJson.Text(4300, 42, "hello"));
        await Bot.PostAsync(UpdateJson.Text(4301, 43, "hello from another chat"));
        var sent = await Bot.Api.WaitForSentAsync(2);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"answering took {clock.Elapsed}");
        Assert.All(Model.Requests, request =>
            Assert.StartsWith(AgentConfig.Default.Prompt, request.Body["messages"]![0]!["content"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(2, sent.Count);
    }

    [Fact]
    public async Task AConfigInsideTheDirectoryIsUsed()
    {
        await Bot.ScalarAsync<Guid>("INSERT INTO agents (name, config_path) VALUES ('assistant', 'inside.json') RETURNING id");
        Model.Reply("Configured answer.");
        await Bot.PostAsync(UpdateJson.Text(4310, 42, "hello"));
        await Bot.Api.WaitForSentAsync(1);

        Assert.StartsWith("You are the configured bot.", Model.Requests.Single().Body["messages"]![0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public void Dispose() => files.Dispose();
}
