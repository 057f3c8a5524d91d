using System.Globalization;
using System.Text.Json.Nodes;
using Monolith.Search;
using Npgsql;

namespace Monolith.Conversations;

/// <summary>
/// How messages live in the search module's search_index: entity type "message", entity id = the message id, owned by
/// the conversation's user, with {conversationId, chatId, sequence, role, createdAt} as metadata so a search can be
/// narrowed to one chat. Only what people said is indexed: user messages and system notes. Assistant replies and
/// tool output are the bot's own words; recalling them as "what you said" would echo the bot back at the user.
/// An in-process caller may also keep a user message out of the index when appending it (the bot does for commands
/// such as /find: an instruction, not something to recall); an edit later updates a row only where one exists.
/// Every write goes through the search module's outbox inside the caller's transaction.
/// </summary>
public static class MessageIndex
{
    public const string EntityType = "message";

    /// <summary>Whether messages of this role are indexed: user messages and system notes.</summary>
    public static bool IsIndexed(string role) => role is MessageRole.User or MessageRole.System;

    /// <summary>The metadata a search restricted to one chat of the user matches with jsonb containment.</summary>
    public static string ChatFilter(long chatId) => new JsonObject { ["chatId"] = chatId }.ToJsonString();

    /// <summary>Writes the message's search row (new or replaced) in the caller's transaction.</summary>
    internal static Task EnqueueAsync(
        Guid messageId, Guid conversationId, long userId, long chatId, long sequence, string role, string content, DateTime createdAt,
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        SearchIndexer.EnqueueAsync(Document(messageId, conversationId, userId, chatId, sequence, role, content, createdAt), connection, transaction, cancellationToken);

    /// <summary>Gives the message's search row new text, if the message has one (it was indexed when appended).</summary>
    internal static Task<bool> RequeueAsync(
        Guid messageId, Guid conversationId, long userId, long chatId, long sequence, string role, string content, DateTime createdAt,
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        SearchIndexer.RequeueAsync(Document(messageId, conversationId, userId, chatId, sequence, role, content, createdAt), connection, transaction, cancellationToken);

    private static IndexedDocument Document(
        Guid messageId, Guid conversationId, long userId, long chatId, long sequence, string role, string content, DateTime createdAt)
    {
        var metadata = new JsonObject
        {
            ["conversationId"] = conversationId,
            ["chatId"] = chatId,
            ["sequence"] = sequence,
            ["role"] = role,
            ["createdAt"] = createdAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };
        return new IndexedDocument(EntityType, messageId, userId, content, metadata.ToJsonString());
    }

    internal static Task<bool> DeleteAsync(Guid messageId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        SearchIndexer.DeleteAsync(EntityType, messageId, connection, transaction, cancellationToken);
}
