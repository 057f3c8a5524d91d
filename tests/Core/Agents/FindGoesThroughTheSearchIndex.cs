using System.Text.Json;
using Monolith.Tests.Core.Search;
using Monolith.Tests.Core.Telegram;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Agents;

public sealed class FindGoesThroughTheSearchIndex(MonolithFixture fixture) : BotTest(fixture)
{
    private const long User = 42;

    [Fact]
    public async Task UserMessagesAreIndexedWithTheirChatAndARemovedRowIsNoLongerFound()
    {
        await Bot.PostAsync(UpdateJson.Text(4000, User, "my passport is in the blue drawer"));
        await Bot.Api.WaitForSentAsync(1);
        await Bot.WaitUntilProcessedAsync();

        var message = await Bot.ScalarAsync<Guid>("SELECT id FROM messages WHERE role = 'user' AND sequence = 1");
        var metadata = JsonDocument.Parse(await Bot.ScalarAsync<string>(
            "SELECT metadata::text FROM search_index WHERE entity_type = 'message' AND entity_id = $1 AND user_id = $2", message, User)).RootElement;
        Assert.Equal(User, metadata.GetProperty("chatId").GetInt64());
        Assert.Equal(1, metadata.GetProperty("sequence").GetInt64());
        Assert.Equal("user", metadata.GetProperty("role").GetString());
        // The bot's own reply is not something the user said: it has no search row.
        Assert.Equal(1L, await Bot.ScalarAsync<long>("SELECT count(*) FROM search_index"));

        await Bot.PostAsync(UpdateJson.Text(4001, User, "/find passport"));
        Assert.Contains("blue drawer", (await Bot.Api.WaitForSentAsync(2))[1].Text, StringComparison.Ordinal);
        await Bot.WaitUntilProcessedAsync();
        // A command is an instruction to the bot, not something to recall: it is stored but not indexed.
        Assert.Equal(1L, await Bot.ScalarAsync<long>("SELECT count(*) FROM search_index"));
        Assert.Equal(4L, await Bot.ScalarAsync<long>("SELECT count(*) FROM messages"));

        await Bot.ScalarAsync<int>("DELETE FROM search_index WHERE entity_id = $1 RETURNING 1", message);
        await Bot.PostAsync(UpdateJson.Text(4002, User, "/find passport"));
        Assert.StartsWith("Nothing found", (await Bot.Api.WaitForSentAsync(3))[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMisspellingFullTextMissesIsFoundThroughTheEmbedding()
    {
        await Bot.PostAsync(UpdateJson.Text(4100, User, "my passport is in the blue drawer"));
        await Bot.Api.WaitForSentAsync(1);
        await Eventually.TrueAsync(async () => await Bot.ScalarAsync<long>("SELECT count(*) FROM search_index WHERE embedding IS NOT NULL") == 1);

        using var client = Bot.Host.Client();
        Assert.Empty(await SearchApi.SearchAsync(client, User, "pasport", mode: "fulltext", entityTypes: ["message"]));
        await Bot.PostAsync(UpdateJson.Text(4101, User, "/find pasport"));
        Assert.Contains("#1 ", (await Bot.Api.WaitForSentAsync(2))[1].Text, StringComparison.Ordinal);
        Assert.Contains("blue drawer", Bot.Api.Sent[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnrelatedWordsFindNothingEvenThoughSemanticSearchAlwaysHasANearestRow()
    {
        await Bot.PostAsync(UpdateJson.Text(4200, User, "my passport is in the blue drawer"));
        await Bot.Api.WaitForSentAsync(1);
        await Eventually.TrueAsync(async () => await Bot.ScalarAsync<long>("SELECT count(*) FROM search_index WHERE embedding IS NOT NULL") == 1);

        await Bot.PostAsync(UpdateJson.Text(4201, User, "/find volcano"));
        Assert.StartsWith("Nothing found", (await Bot.Api.WaitForSentAsync(2))[1].Text, StringComparison.Ordinal);
    }
}
