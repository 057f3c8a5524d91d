using Microsoft.Extensions.DependencyInjection;
using Monolith.Configuration;
using Monolith.Database;
using Monolith.Operations;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Monolith.Telegram;

/// <summary>tools/monolith bot poll: development mode without a public URL; long-polls getUpdates into the webhook's pipeline.</summary>
public sealed class BotCommand : IOperatorCommand
{
    public string Name => "bot";

    public string Summary => "bot poll: run the Telegram bot by long polling (development)";

    public string Help => """
        usage: tools/monolith bot poll [--timeout SECONDS]

        Deletes the bot's webhook and long-polls getUpdates, feeding the same durable, per-chat ordered pipeline
        as POST /telegram/webhook. Each update is stored before its offset is confirmed to Telegram, so stopping
        loses nothing. Ctrl+C stops. Needs TELEGRAM_BOT_TOKEN; stop the service (or unset its token) meanwhile.

          --timeout SECONDS   long-poll timeout per getUpdates call (1-50, default 30)
        """;

    public async Task<int> RunAsync(IServiceProvider services, OperatorArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        arguments.AllowOnly("timeout");
        if (arguments.Require(0, "what to do (poll)") != "poll")
        {
            throw new OperatorUsageException($"unknown bot action '{arguments.Positional[0]}'");
        }

        var timeout = arguments.Number("timeout", 30, 1, 50);
        if (!services.GetRequiredService<TelegramSettings>().Enabled)
        {
            throw new ConfigurationException("TELEGRAM_BOT_TOKEN is required: it names the bot to poll");
        }

        var pending = await services.GetRequiredService<CoreMigrator>().PendingAsync(cancellationToken);
        if (pending.Count > 0)
        {
            await output.WriteLineAsync($"monolith bot: {pending.Count} migrations are pending; run tools/monolith migrate first");
            return 1;
        }

        var bot = services.GetRequiredService<ITelegramBotClient>();
        var inbox = services.GetRequiredService<UpdateInbox>();
        var pipeline = services.GetRequiredService<UpdatePipeline>();
        await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: cancellationToken);
        await pipeline.StartAsync(cancellationToken);
        await output.WriteLineAsync("polling Telegram for updates (Ctrl+C stops)");
        try
        {
            await PollAsync(bot, inbox, timeout, output, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync("stopped");
        }
        finally
        {
            await pipeline.StopAsync();
        }

        return 0;
    }

    private static async Task PollAsync(ITelegramBotClient bot, UpdateInbox inbox, int timeout, TextWriter output, CancellationToken cancellationToken)
    {
        int? offset = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await bot.GetUpdates(offset, 100, timeout, cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is ApiRequestException or HttpRequestException or RequestException)
            {
                await output.WriteLineAsync($"getUpdates failed ({e.Message}); retrying in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                continue;
            }

            foreach (var update in updates)
            {
                var payload = System.Text.Json.JsonSerializer.Serialize(update, JsonBotAPI.Options);
                while (await inbox.AcceptAsync(update.Id, UpdateChat.Of(update), payload, System.Diagnostics.Stopwatch.GetTimestamp(), cancellationToken) == InboxAnswer.Busy)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                }

                offset = update.Id + 1;
                await output.WriteLineAsync($"update {update.Id} accepted");
            }
        }
    }
}
