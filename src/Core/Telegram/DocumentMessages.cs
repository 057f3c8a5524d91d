using System.Globalization;
using System.Text;
using Monolith.Documents;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Monolith.Telegram;

/// <summary>
/// Files sent to the bot become the sender's documents: fetched through getFile (bots may fetch up to 20 MB), read,
/// chunked and indexed, and confirmed with what was read. /docs lists the user's documents and /forgetdoc N deletes
/// one. A file that cannot be read gets a polite answer saying why; nothing of it is kept.
/// </summary>
public sealed class DocumentMessages(ITelegramBotClient bot, DocumentLibrary library, BotMessenger messenger)
{
    public const string ListCommand = "docs";
    public const string ForgetCommand = "forgetdoc";

    private const int Listed = 20;

    /// <summary>True for /docs, /documents and /forgetdoc (possibly /command@botname).</summary>
    public static bool IsCommand(string? text) => Command(text).Name is ListCommand or "documents" or ForgetCommand;

    public async Task ReceiveAsync(Message message, Document file, CancellationToken cancellationToken)
    {
        var userId = message.From!.Id;
        var name = string.IsNullOrWhiteSpace(file.FileName) ? $"file-{file.FileUniqueId}" : file.FileName;
        string reply;
        if (file.FileSize > DocumentSettings.BotFileLimitBytes)
        {
            reply = $"“{name}” is {file.FileSize / (1024 * 1024)} MB; a bot can fetch files up to 20 MB. Please send a smaller file.";
        }
        else
        {
            reply = await IndexAsync(message, file, userId, name, cancellationToken);
        }

        await messenger.SendTextAsync(message.Chat.Id, reply, ReplyTo(message), cancellationToken);
    }

    public async Task AnswerCommandAsync(Message message, CancellationToken cancellationToken)
    {
        var (command, argument) = Command(message.Text);
        var userId = message.From!.Id;
        var documents = (await library.ListAsync(userId, Listed, null, cancellationToken)).Items;
        string reply;
        if (command == ForgetCommand)
        {
            reply = int.TryParse(argument.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= documents.Count
                ? await library.DeleteAsync(documents[number - 1].Id, userId, "telegram", cancellationToken)
                    ? $"Forgotten “{documents[number - 1].FileName}” and everything read from it."
                    : "That document is already gone."
                : "Send /forgetdoc followed by the number /docs shows, for example: /forgetdoc 1";
        }
        else if (documents.Count == 0)
        {
            reply = "You have sent me no documents yet. Send a PDF, DOCX, Markdown or text file and I will read it.";
        }
        else
        {
            var list = new StringBuilder("Your documents (newest first):");
            for (var i = 0; i < documents.Count; i++)
            {
                var d = documents[i];
                list.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. {d.FileName} – {Pages(d.Pages)}, {d.Chunks} chunks ({d.CreatedAt:yyyy-MM-dd})");
            }

            list.Append("\n/forgetdoc <number> forgets one.");
            reply = list.ToString();
        }

        await messenger.SendTextAsync(message.Chat.Id, reply, ReplyTo(message), cancellationToken);
    }

    private async Task<string> IndexAsync(Message message, Document file, long userId, string name, CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            var info = await bot.GetFile(file.FileId, cancellationToken);
            if (info.FilePath is null || info.FileSize > DocumentSettings.BotFileLimitBytes)
            {
                return $"Telegram would not hand me “{name}” (bots can fetch files up to 20 MB).";
            }

            using var buffer = new MemoryStream();
            await bot.DownloadFile(info.FilePath, buffer, cancellationToken);
            content = buffer.ToArray();
        }
        catch (ApiRequestException e)
        {
            return $"Telegram would not hand me “{name}”: {e.Message}";
        }

        try
        {
            var metadata = new System.Text.Json.Nodes.JsonObject
            {
                ["source"] = "telegram",
                ["chatId"] = message.Chat.Id,
                ["messageId"] = message.MessageId,
            };
            if (!string.IsNullOrWhiteSpace(message.Caption))
            {
                metadata["caption"] = message.Caption;
            }

            var added = await library.AddAsync(new NewDocument(userId, name, file.MimeType, content, metadata.ToJsonString()), cancellationToken);
            var d = added.Document;
            return added.Duplicate
                ? $"I already have this file as “{d.FileName}” ({Pages(d.Pages)}, {d.Chunks} chunks)."
                : $"Read “{d.FileName}”: {Pages(d.Pages)}, {d.Characters:N0} characters in {d.Chunks} chunks. Ask me about it; /docs lists your documents.";
        }
        catch (UnreadableDocumentException e)
        {
            return $"Sorry, I could not use that file. {e.Message}";
        }
    }

    private static string Pages(int pages) => pages == 1 ? "1 page" : $"{pages} pages";

    private static int? ReplyTo(Message message) => message.Chat.Type == global::Telegram.Bot.Types.Enums.ChatType.Private ? null : message.MessageId;

    private static (string Name, string Argument) Command(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (!trimmed.StartsWith('/'))
        {
            return (string.Empty, trimmed);
        }

        var space = trimmed.IndexOfAny([' ', '\n', '\t']);
        var word = space < 0 ? trimmed[1..] : trimmed[1..space];
        var at = word.IndexOf('@', StringComparison.Ordinal);
        return ((at < 0 ? word : word[..at]).ToLowerInvariant(), space < 0 ? string.Empty : trimmed[(space + 1)..].Trim());
    }
}
