using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Monolith.Telegram;

/// <summary>Runs the update pipeline for the life of the web service when the bot is on.</summary>
public sealed partial class UpdatePipelineService(UpdatePipeline pipeline, TelegramSettings settings, ILogger<UpdatePipelineService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The token is a credential: the line says the bot is on, never which token it uses.
        var botApi = settings.ApiBaseUrl?.GetLeftPart(UriPartial.Authority) ?? "Telegram";
        LogBotOn(logger, settings.WebhookSecret is not null, settings.Workers, botApi);
        return pipeline.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => pipeline.StopAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram bot is on (webhook secret set: {WebhookOn}, {Workers} workers, Bot API at {BotApi}); the token is never logged")]
    private static partial void LogBotOn(ILogger logger, bool webhookOn, int workers, string botApi);
}
