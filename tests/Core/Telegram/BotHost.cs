using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.Telegram;

/// <summary>The real service with the bot on, against the shared test database and a fake Bot API.</summary>
public sealed class BotHost : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret_0";

    private BotHost(FakeBotApi api, TestHost host)
    {
        Api = api;
        Host = host;
    }

    public FakeBotApi Api { get; }

    public TestHost Host { get; }

    public static Dictionary<string, string?> Settings(string connectionString, Uri botApi)
    {
        var settings = TestHost.Settings(connectionString);
        settings["TELEGRAM_BOT_TOKEN"] = FakeBotApi.Token;
        settings["TELEGRAM_WEBHOOK_SECRET"] = Secret;
        settings["TELEGRAM_API_BASE_URL"] = botApi.ToString();
        return settings;
    }

    public static async Task<BotHost> StartAsync(string connectionString, IDictionary<string, string?>? extra = null, FakeBotApi? api = null)
    {
        api ??= await FakeBotApi.StartAsync();
        var settings = Settings(connectionString, api.BaseUrl);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new BotHost(api, await TestHost.StartAsync(settings));
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject update, string? secret = Secret) => PostAsync(JsonContent.Create(update), secret);

    /// <summary>Posts a body as written (for JSON a JsonObject cannot hold, such as a repeated key).</summary>
    public Task<HttpResponseMessage> PostRawAsync(string body) => PostAsync(new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Secret);

    private async Task<HttpResponseMessage> PostAsync(HttpContent content, string? secret)
    {
        using var client = Host.Client(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = content };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await client.SendAsync(request);
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits until every stored update is finished (not 'received'); fails after 30 s.</summary>
    public async Task WaitUntilProcessedAsync()
    {
        var started = DateTime.UtcNow;
        while (await ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE status = 'received'") > 0)
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "updates were not processed within 30 s");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
    }
}
