using System.Text.Json.Nodes;

namespace Monolith.Tests.Core.Telegram;

/// <summary>Bot API Update JSON as Telegram sends it.</summary>
public static class UpdateJson
{
    public static JsonObject Text(int updateId, long userId, string text, int messageId = 0, long? chatId = null) => new()
    {
        ["update_id"] = updateId,
        ["message"] = Message(messageId == 0 ? updateId : messageId, userId, chatId ?? userId, text),
    };

    public static JsonObject Edited(int updateId, long userId, int messageId, string text) => new()
    {
        ["update_id"] = updateId,
        ["edited_message"] = Message(messageId, userId, userId, text, editDate: true),
    };

    public static JsonObject Sticker(int updateId, long userId)
    {
        var message = Message(updateId, userId, userId, null);
        message["sticker"] = new JsonObject
        {
            ["file_id"] = "CAACAgIAAxkBAAIBZ2Vfake",
            ["file_unique_id"] = "AgADfake",
            ["type"] = "regular",
            ["width"] = 512,
            ["height"] = 512,
            ["is_animated"] = false,
            ["is_video"] = false,
            ["emoji"] = "👍",
        };
        return new JsonObject { ["update_id"] = updateId, ["message"] = message };
    }

    public static JsonObject PhotoWithoutCaption(int updateId, long userId)
    {
        var message = Message(updateId, userId, userId, null);
        message["photo"] = new JsonArray(new JsonObject { ["file_id"] = "AgACAgIAAxkBAAfake", ["file_unique_id"] = "AQADfake", ["width"] = 90, ["height"] = 90, ["file_size"] = 1234 });
        return new JsonObject { ["update_id"] = updateId, ["message"] = message };
    }

    public static JsonObject Document(int updateId, long userId, string fileId, string fileName, string mimeType, long fileSize, string? caption = null)
    {
        var message = Message(updateId, userId, userId, null);
        message["document"] = new JsonObject
        {
            ["file_id"] = fileId,
            ["file_unique_id"] = fileId[^8..],
            ["file_name"] = fileName,
            ["mime_type"] = mimeType,
            ["file_size"] = fileSize,
        };
        if (caption is not null)
        {
            message["caption"] = caption;
        }

        return new JsonObject { ["update_id"] = updateId, ["message"] = message };
    }

    public static JsonObject ChannelPost(int updateId) => new()
    {
        ["update_id"] = updateId,
        ["channel_post"] = new JsonObject
        {
            ["message_id"] = 7,
            ["sender_chat"] = new JsonObject { ["id"] = -1001234567890, ["title"] = "News", ["type"] = "channel" },
            ["chat"] = new JsonObject { ["id"] = -1001234567890, ["title"] = "News", ["type"] = "channel" },
            ["date"] = 1_700_000_000,
            ["text"] = "channel news",
        },
    };

    public static JsonObject CallbackQuery(int updateId, long userId) => new()
    {
        ["update_id"] = updateId,
        ["callback_query"] = new JsonObject
        {
            ["id"] = "4382bfdwdsb323b2d9",
            ["from"] = User(userId),
            ["chat_instance"] = "-123456789",
            ["data"] = "button-1",
        },
    };

    private static JsonObject Message(int messageId, long userId, long chatId, string? text, bool editDate = false)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = User(userId),
            ["chat"] = chatId == userId
                ? new JsonObject { ["id"] = chatId, ["first_name"] = "Olena", ["username"] = "olena_k", ["type"] = "private" }
                : new JsonObject { ["id"] = chatId, ["title"] = "Team", ["type"] = "group" },
            ["date"] = 1_700_000_000,
        };
        if (text is not null)
        {
            message["text"] = text;
        }

        if (editDate)
        {
            message["edit_date"] = 1_700_000_100;
        }

        return message;
    }

    private static JsonObject User(long userId) => new()
    {
        ["id"] = userId,
        ["is_bot"] = false,
        ["first_name"] = "Olena",
        ["username"] = "olena_k",
        ["language_code"] = "uk",
    };
}
