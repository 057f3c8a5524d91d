using System.Text.Json.Nodes;
using Monolith.Agents;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Monolith.Telegram;

/// <summary>
/// Decides what an update means: a file is a document for the user (<see cref="DocumentMessages"/>), as are /docs and
/// /forgetdoc; a user's text (or caption) is an agent turn whose reply is sent back; an edited message revises the
/// stored message so memory finds the new words (no reply); anything else (a message without its chat included) is
/// acknowledged and ignored.
/// </summary>
public sealed class UpdateHandler(AgentRuntime runtime, BotMessenger messenger, DocumentMessages documents)
{
    /// <summary>Returns the status the update ends in: done or ignored.</summary>
    public async Task<string> HandleAsync(Update update, CancellationToken cancellationToken)
    {
        switch (update)
        {
            case { Message: { From.IsBot: false, Chat: not null, Document: { } file } message }:
                await documents.ReceiveAsync(message, file, cancellationToken);
                return TelegramUpdateStatus.Done;
            case { Message: { From.IsBot: false, Chat: not null } message } when DocumentMessages.IsCommand(message.Text):
                await documents.AnswerCommandAsync(message, cancellationToken);
                return TelegramUpdateStatus.Done;
            case { Message: { From: { IsBot: false } from, Chat: not null } message } when TextOf(message) is { } text:
                var outcome = await runtime.RunTurnAsync(new TurnInput(from.Id, message.Chat.Id, text, Metadata(update.Id, message)), cancellationToken);
                var replyTo = message.Chat.Type == ChatType.Private ? (int?)null : message.MessageId;
                await messenger.SendTextAsync(message.Chat.Id, outcome.Reply, replyTo, cancellationToken);
                return TelegramUpdateStatus.Done;
            case { EditedMessage: { From: { IsBot: false } from, Chat: not null } edited } when TextOf(edited) is { } text:
                var match = new JsonObject { ["telegram"] = new JsonObject { ["messageId"] = edited.MessageId } };
                await runtime.ReviseAsync(from.Id, edited.Chat.Id, match, text, cancellationToken);
                return TelegramUpdateStatus.Done;
            default:
                return TelegramUpdateStatus.Ignored;
        }
    }

    private static string? TextOf(Message message) =>
        !string.IsNullOrWhiteSpace(message.Text) ? message.Text
        : !string.IsNullOrWhiteSpace(message.Caption) ? message.Caption
        : null;

    private static JsonObject Metadata(int updateId, Message message)
    {
        var telegram = new JsonObject
        {
            ["messageId"] = message.MessageId,
            ["updateId"] = updateId,
            ["chatType"] = message.Chat.Type.ToString().ToLowerInvariant(),
        };
        if (message.From?.Username is { } username)
        {
            telegram["username"] = username;
        }

        return new JsonObject { ["telegram"] = telegram };
    }
}
