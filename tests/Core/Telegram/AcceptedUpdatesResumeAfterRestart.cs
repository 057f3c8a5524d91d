using System.Net;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Telegram;

public sealed class AcceptedUpdatesResumeAfterRestart(MonolithFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task UpdateStoredButNotProcessedIsAnsweredAtTheNextStart()
    {
        await using (var connection = new NpgsqlConnection(Fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO telegram_updates (update_id, chat_id, payload, attempts) VALUES (1400, 42, $1::jsonb, 1)", connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = UpdateJson.Text(1400, 42, "/help").ToJsonString() });
            await insert.ExecuteNonQueryAsync();
        }

        await using var bot = await BotHost.StartAsync(Fixture.ConnectionString);
        var sent = await bot.Api.WaitForSentAsync(1);
        Assert.Contains("/find", sent[0].Text, StringComparison.Ordinal);
        await bot.WaitUntilProcessedAsync();
        Assert.Equal("done", await bot.ScalarAsync<string>("SELECT status FROM telegram_updates WHERE update_id = 1400"));

        // Telegram delivering it again after the restart changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(UpdateJson.Text(1400, 42, "/help"))).StatusCode);
        await bot.WaitUntilProcessedAsync();
        Assert.Single(bot.Api.Sent);
    }

    [Fact]
    public async Task UpdateThatKeepsFailingIsGivenUpAfterThreeAttempts()
    {
        await using (var connection = new NpgsqlConnection(Fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO telegram_updates (update_id, chat_id, payload, attempts) VALUES (1401, 42, $1::jsonb, 3)", connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = UpdateJson.Text(1401, 42, "/help").ToJsonString() });
            await insert.ExecuteNonQueryAsync();
        }

        await using var bot = await BotHost.StartAsync(Fixture.ConnectionString);
        Assert.Equal("failed", await bot.ScalarAsync<string>("SELECT status FROM telegram_updates WHERE update_id = 1401"));
        Assert.Empty(bot.Api.Sent);
    }
}
