using System.Text.Json;
using Monolith.Agents;
using Monolith.Tests.Core.Telegram;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Agents;

public sealed class FailingModelGetsAPoliteAnswer(MonolithFixture fixture) : ModelTest(fixture)
{
    [Fact]
    public async Task ModelThatTimesOutGetsApologyAndTheMessageIsKept()
    {
        Model.Hang(TimeSpan.FromSeconds(5));
        await Bot.PostAsync(UpdateJson.Text(4000, 42, "tell me a story about a lighthouse"));
        var sent = await Bot.Api.WaitForSentAsync(1);
        await Bot.WaitUntilProcessedAsync();

        Assert.Equal(AgentRuntime.ModelUnavailableReply, sent[0].Text);
        Assert.Equal("tell me a story about a lighthouse", await Bot.ScalarAsync<string>("SELECT content FROM messages WHERE role = 'user'"));
        var metadata = JsonDocument.Parse(await Bot.ScalarAsync<string>("SELECT metadata::text FROM messages WHERE role = 'assistant'")).RootElement;
        Assert.Contains("did not answer within 1 s", metadata.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("done", await Bot.ScalarAsync<string>("SELECT status FROM telegram_updates WHERE update_id = 4000"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(401)]
    public async Task ModelErrorStatusGetsApology(int status)
    {
        Model.Fail(status);
        await Bot.PostAsync(UpdateJson.Text(4100, 42, "hello model"));
        var sent = await Bot.Api.WaitForSentAsync(1);
        Assert.Equal(AgentRuntime.ModelUnavailableReply, sent[0].Text);
        Assert.Equal(1L, await Bot.ScalarAsync<long>("SELECT count(*) FROM messages WHERE role = 'user' AND content = 'hello model'"));
    }

    [Fact]
    public async Task ConfigFileThatCannotBeReadFallsBackToTheBuiltInAssistant()
    {
        await Bot.ScalarAsync<Guid>("INSERT INTO agents (name, config_path) VALUES ('assistant', '/nonexistent/assistant.json') RETURNING id");
        Model.Reply("Hi from the default prompt.");
        await Bot.PostAsync(UpdateJson.Text(4200, 42, "hi"));
        var sent = await Bot.Api.WaitForSentAsync(1);

        Assert.Equal("Hi from the default prompt.", sent[0].Text);
        var system = Model.Requests.Single().Body["messages"]![0]!["content"]!.GetValue<string>();
        Assert.StartsWith(AgentConfig.Default.Prompt, system, StringComparison.Ordinal);
    }
}
