using Telegram.Bot.Types;

namespace Monolith.Telegram;

/// <summary>
/// The chat an update belongs to, which decides its processing order; 0 for updates without a chat, including a
/// malformed one whose message lacks its chat (it is stored and then ignored, so Telegram does not retry it forever).
/// </summary>
public static class UpdateChat
{
    public static long Of(Update update) =>
        update.Message?.Chat?.Id
        ?? update.EditedMessage?.Chat?.Id
        ?? update.ChannelPost?.Chat?.Id
        ?? update.EditedChannelPost?.Chat?.Id
        ?? update.CallbackQuery?.Message?.Chat?.Id
        ?? update.MyChatMember?.Chat?.Id
        ?? update.ChatMember?.Chat?.Id
        ?? update.ChatJoinRequest?.Chat?.Id
        ?? update.MessageReaction?.Chat?.Id
        ?? 0;
}
