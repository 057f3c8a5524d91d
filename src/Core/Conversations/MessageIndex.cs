using System.Globalization;
using System.Text.Json.Nodes;
using Monolith.Search.Indexing;
using Npgsql;

namespace Monolith.Conversations;

/// <summary>
/// How messages live in the search module's search_index: entity type "message", entity id = the message id, owned by
/// the conversation's user, with {conversationId, chatId, sequence, role, createdAt} as metadata so a search can be
/// narrowed to one chat. Only what people said is indexed: user messages and system notes. Assistant replies and
/// tool output are the bot's own words; recalling them as "what you said" would echo the bot back at the user.
/// Every write goes through the search module's outbox inside the caller's transaction.
/// </summary>
public static class MessageIndex
{
    public const string EntityType = "message";

    /// <summary>The roles whose messages are indexed.</summary>
    public static IReadOnlyList<string> IndexedRoles { get; } = [MessageRole.User, MessageRole.System];

    public static bool IsIndexed(string role) => role is MessageRole.User or MessageRole.System;

    /// <summary>The metadata a search restricted to one chat of the user matches with jsonb containment.</summary>
    public static string ChatFilter(long chatId) => new JsonObject { ["chatId"] = chatId }.ToJsonString();

    internal static Task EnqueueAsync(
        Guid messageId, Guid conversationId, long userId, long chatId, long sequence, string role, string content, DateTime createdAt,
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var metadata = new JsonObject
        {
            ["conversationId"] = conversationId,
            ["chatId"] = chatId,
            ["sequence"] = sequence,
            ["role"] = role,
            ["createdAt"] = createdAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };
        return SearchIndexer.EnqueueAsync(
            new IndexedDocument(EntityType, messageId, userId, content, metadata.ToJsonString()), connection, transaction, cancellationToken);
    }

    internal static Task<bool> DeleteAsync(Guid messageId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        SearchIndexer.DeleteAsync(EntityType, messageId, connection, transaction, cancellationToken);
}
