using Microsoft.Extensions.DependencyInjection;
using Monolith.Configuration;
using Monolith.Database;
using Telegram.Bot;

namespace Monolith.Telegram;

/// <summary>The Telegram bot: webhook and polling into one durable, per-chat ordered pipeline that runs agent turns.</summary>
public static class TelegramModule
{
    /// <summary>Automatic waits on a 429 up to this many seconds of retry_after; a longer wait fails the send.</summary>
    public const int RetryAfterLimitSeconds = 60;

    public static IServiceCollection AddTelegramModule(this IServiceCollection services, SettingReader settings)
    {
        var telegram = TelegramSettings.Read(settings);
        services.AddSingleton(telegram);
        services.AddSingleton<WebhookSecret>();
        services.AddSingleton<UpdateLanes>();
        services.AddSingleton<UpdateInbox>();
        services.AddSingleton<UpdatePipeline>();
        services.AddScoped<UpdateHandler>();
        services.AddScoped<BotMessenger>();
        services.AddScoped<DocumentMessages>();
        // HttpClient's default loggers write the request URL, which holds the token.
        services.AddSingleton<BotApiCallLogger>();
        services.AddHttpClient(nameof(TelegramBotClient)).RemoveAllLoggers().AddLogger<BotApiCallLogger>();
        services.AddSingleton<ITelegramBotClient>(provider => new TelegramBotClient(
            Options(telegram),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TelegramBotClient))));
        if (telegram.Enabled)
        {
            services.AddHostedService<UpdatePipelineService>();
        }

        return services.AddModuleDbContext<TelegramDbContext>("telegram");
    }

    private static TelegramBotClientOptions Options(TelegramSettings telegram)
    {
        var token = telegram.Token ?? throw new InvalidOperationException("TELEGRAM_BOT_TOKEN is not set: the bot is off");
        return new TelegramBotClientOptions(token, telegram.ApiBaseUrl?.ToString().TrimEnd('/'))
        {
            RetryThreshold = RetryAfterLimitSeconds,
            RetryCount = 3,
        };
    }
}
