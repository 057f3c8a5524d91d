using Telegram.Bot;
using Telegram.Bot.Types;

namespace Monolith.Telegram;

/// <summary>
/// Sends the bot's replies through the Bot API as plain text (no parse mode, so nothing needs escaping), split at
/// 4096 characters. Telegram.Bot retries a 429 itself after the retry_after the Bot API names.
/// </summary>
public sealed class BotMessenger(ITelegramBotClient bot)
{
    public async Task SendTextAsync(long chatId, string text, int? replyToMessageId, CancellationToken cancellationToken)
    {
        var first = true;
        foreach (var part in MessageSplitter.Split(string.IsNullOrWhiteSpace(text) ? "…" : text))
        {
            ReplyParameters? reply = first && replyToMessageId is { } id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null;
            await bot.SendMessage(chatId, part, replyParameters: reply, cancellationToken: cancellationToken);
            first = false;
        }
    }
}
