using System.Text.Json;
using Monolith.Database;
using Monolith.Http;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Conversations;

/// <summary>
/// The conversations module's public service: start, continue, append to, read, revise, forget and close conversations,
/// and a user's counts. Every write goes through it (HTTP and the Telegram bot; the list and search reads are their own
/// endpoints' queries). It keeps each user and system message's row in search_index in step with the message (see
/// <see cref="MessageIndex"/>). Text is stored with \u0000 replaced by U+FFFD.
/// </summary>
public sealed class ConversationLog(NpgsqlDataSource dataSource)
{
    private const string InsertConversationSql = $"""
        INSERT INTO conversations (user_id, chat_id, title, metadata) VALUES ($1, $2, $3, $4)
        RETURNING {ConversationView.Columns}
        """;

    // The UPDATE takes the conversation's row lock, which serializes appenders of this conversation only, and hands
    // out the next number; if anything later in the transaction fails the number is rolled back with it, so sequences
    // stay gap-free. Nothing here reads or rewrites the conversation's earlier messages.
    private const string AppendSql = """
        WITH next AS (
            UPDATE conversations SET last_sequence = last_sequence + 1, updated_at = now()
            WHERE id = $1 AND status = 'open'
            RETURNING id, last_sequence, user_id, chat_id),
        inserted AS (
            INSERT INTO messages (conversation_id, sequence, role, content, metadata)
            SELECT id, last_sequence, $2, $3, $4 FROM next
            RETURNING id, sequence, created_at)
        SELECT inserted.id, inserted.sequence, inserted.created_at, next.user_id, next.chat_id FROM inserted, next
        """;

    // The sequence stays, so the conversation keeps no gap; a forgotten message is never revived by a later edit.
    private const string ForgetSql = """
        UPDATE messages SET content = $3, metadata = metadata || '{"forgotten": true}'::jsonb
        WHERE conversation_id = $1 AND sequence = $2 AND role IN ('user', 'system') AND NOT metadata @> '{"forgotten": true}'::jsonb
        RETURNING id
        """;

    private const string ReviseSql = """
        UPDATE messages m SET content = $4, metadata = m.metadata || jsonb_build_object('editedAt', now())
        FROM conversations c
        WHERE c.id = m.conversation_id AND c.user_id = $1 AND c.chat_id = $2
          AND m.role = 'user' AND m.metadata @> $3 AND NOT m.metadata @> '{"forgotten": true}'::jsonb
        RETURNING m.id, m.conversation_id, m.sequence, m.role, m.created_at
        """;

    // tool_usage belongs to the Registry module. This one read-only query joins it by conversation_id, which is the
    // only link between the modules; going through Registry's DbContext would break the module boundary, and a
    // service call per conversation would not be one query. A user with no data gets zeros.
    private const string StatsSql = """
        WITH mine AS (SELECT id, updated_at FROM conversations WHERE user_id = $1)
        SELECT (SELECT count(*) FROM mine),
               (SELECT count(*) FROM messages m JOIN mine ON mine.id = m.conversation_id),
               (SELECT count(*) FROM tool_usage t JOIN mine ON mine.id = t.conversation_id),
               greatest((SELECT max(updated_at) FROM mine),
                        (SELECT max(t.created_at) FROM tool_usage t JOIN mine ON mine.id = t.conversation_id))
        """;

    private const string HistorySql = """
        SELECT id, sequence, role, content, metadata, created_at FROM messages
        WHERE conversation_id = $1 AND sequence < $2
        ORDER BY sequence DESC LIMIT $3
        """;

    /// <summary>Starts a new open conversation.</summary>
    public async Task<ConversationView> StartAsync(long userId, long chatId, string? title, JsonElement? metadata, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await InsertAsync(connection, null, userId, chatId, title, metadata, cancellationToken);
    }

    /// <summary>The newest open conversation of this user in this chat, or a new one when there is none.</summary>
    public async Task<ConversationView> StartOrContinueAsync(long userId, long chatId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Nearly every turn continues a conversation: one read answers it, with no transaction or lock.
        if (await FindOpenAsync(connection, null, userId, chatId, cancellationToken) is { } open)
        {
            return open;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two first messages of one chat arriving together must continue one conversation, not open two: the lock
        // serializes them, and the second then finds the conversation the first committed.
        await using (var serialize = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('conversations:' || $1 || ':' || $2, 0))", connection, transaction))
        {
            serialize.Parameters.Add(new NpgsqlParameter { Value = userId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            serialize.Parameters.Add(new NpgsqlParameter { Value = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await serialize.ExecuteNonQueryAsync(cancellationToken);
        }

        var conversation = await FindOpenAsync(connection, transaction, userId, chatId, cancellationToken)
            ?? await InsertAsync(connection, transaction, userId, chatId, null, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return conversation;
    }

    /// <summary>The conversation, or <see cref="NotFoundException"/>.</summary>
    public Task<ConversationView> FindAsync(Guid conversationId, CancellationToken cancellationToken) =>
        FindAsync(conversationId, null, cancellationToken);

    /// <summary>
    /// The conversation, or <see cref="NotFoundException"/> also when <paramref name="userId"/> is given and is not its
    /// owner: another user's conversation looks exactly like one that does not exist.
    /// </summary>
    public async Task<ConversationView> FindAsync(Guid conversationId, long? userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var conversation = await FindAsync(connection, conversationId, cancellationToken);
        return conversation is not null && (userId is null || conversation.UserId == userId) ? conversation : throw NotFound(conversationId);
    }

    /// <summary>
    /// Appends a message with the next sequence number; O(1) in the conversation's length and safe under concurrent appends.
    /// A closed conversation refuses with <see cref="ConflictException"/>, an unknown one with <see cref="NotFoundException"/>.
    /// </summary>
    public Task<MessageView> AppendAsync(Guid conversationId, string role, string content, JsonElement? metadata, CancellationToken cancellationToken) =>
        AppendAsync(conversationId, role, content, metadata, true, cancellationToken);

    /// <summary>
    /// Appends a message as <see cref="AppendAsync(Guid, string, string, JsonElement?, CancellationToken)"/> does; with
    /// <paramref name="searchable"/> false a user or system message gets no search row (it is not something to recall).
    /// </summary>
    public async Task<MessageView> AppendAsync(Guid conversationId, string role, string content, JsonElement? metadata, bool searchable, CancellationToken cancellationToken)
    {
        if (!MessageRole.IsKnown(role))
        {
            throw new BadRequestException("role", $"role must be one of {string.Join(", ", MessageRole.All)}.");
        }

        var storedContent = JsonbText.SanitizeText(content);
        var storedMetadata = ConversationMetadata.ToJsonb(metadata);
        // Re-run whole if a restart or failover stops it before COMMIT: the sequence is taken again, nothing is written twice.
        return await dataSource.InTransactionAsync(async (connection, transaction, cancellationToken) =>
        {
            MessageView? appended = null;
            long userId = 0, chatId = 0;
            await using (var append = new NpgsqlCommand(AppendSql, connection, transaction))
            {
                append.Parameters.Add(new NpgsqlParameter { Value = conversationId });
                append.Parameters.Add(new NpgsqlParameter { Value = role });
                append.Parameters.Add(new NpgsqlParameter { Value = storedContent });
                append.Parameters.Add(new NpgsqlParameter { Value = storedMetadata, NpgsqlDbType = NpgsqlDbType.Jsonb });
                await using var reader = await append.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    appended = new MessageView(
                        reader.GetGuid(0), conversationId, reader.GetInt64(1), role, storedContent,
                        JsonbText.Element(storedMetadata), reader.GetDateTime(2));
                    (userId, chatId) = (reader.GetInt64(3), reader.GetInt64(4));
                }
            }

            if (appended is null)
            {
                var conversation = await FindAsync(connection, conversationId, cancellationToken) ?? throw NotFound(conversationId);
                throw new ConflictException($"Conversation {conversation.Id} is {conversation.Status}: messages can only be appended to an open conversation.");
            }

            // In the append's transaction: a message is never stored without its search row (the embedding worker embeds
            // the row after the commit; full text finds it at once).
            if (searchable && MessageIndex.IsIndexed(role))
            {
                await MessageIndex.EnqueueAsync(
                    appended.Id, conversationId, userId, chatId, appended.Sequence, role, storedContent, appended.CreatedAt, connection, transaction, cancellationToken);
            }

            return appended;
        }, cancellationToken);
    }

    /// <summary>
    /// Forgets a user or system message of the conversation: its text becomes <paramref name="marker"/>, its metadata
    /// gets "forgotten": true and its search row is deleted, in one transaction. False when there is no such message
    /// (or it was forgotten already).
    /// </summary>
    public async Task<bool> ForgetAsync(Guid conversationId, long sequence, string marker, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Guid? forgotten;
        await using (var forget = new NpgsqlCommand(ForgetSql, connection, transaction))
        {
            forget.Parameters.Add(new NpgsqlParameter { Value = conversationId });
            forget.Parameters.Add(new NpgsqlParameter { Value = sequence });
            forget.Parameters.Add(new NpgsqlParameter { Value = JsonbText.SanitizeText(marker) });
            forgotten = await forget.ExecuteScalarAsync(cancellationToken) as Guid?;
        }

        if (forgotten is not { } messageId)
        {
            return false;
        }

        await MessageIndex.DeleteAsync(messageId, connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Applies an edit the user made elsewhere (in Telegram) to their own messages in this chat whose metadata contains
    /// <paramref name="match"/>: new text, "editedAt" in the metadata, and the search row (where the message has one)
    /// re-queued with the new text, in one transaction. Forgotten messages stay forgotten. Returns how many messages changed.
    /// </summary>
    public async Task<int> ReviseAsync(long userId, long chatId, JsonElement match, string content, CancellationToken cancellationToken)
    {
        var storedContent = JsonbText.SanitizeText(content);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var revised = new List<(Guid Id, Guid ConversationId, long Sequence, string Role, DateTime CreatedAt)>();
        await using (var revise = new NpgsqlCommand(ReviseSql, connection, transaction))
        {
            revise.Parameters.Add(new NpgsqlParameter { Value = userId });
            revise.Parameters.Add(new NpgsqlParameter { Value = chatId });
            revise.Parameters.Add(new NpgsqlParameter { Value = ConversationMetadata.ToJsonb(match), NpgsqlDbType = NpgsqlDbType.Jsonb });
            revise.Parameters.Add(new NpgsqlParameter { Value = storedContent });
            await using var reader = await revise.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                revised.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), reader.GetDateTime(4)));
            }
        }

        foreach (var message in revised)
        {
            await MessageIndex.RequeueAsync(
                message.Id, message.ConversationId, userId, chatId, message.Sequence, message.Role, storedContent, message.CreatedAt, connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return revised.Count;
    }

    /// <summary>The user's conversations, messages and tool calls, and the last activity; zeros for a user with no data.</summary>
    public async Task<UserStatsView> StatsAsync(long userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(StatsSql);
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new UserStatsView(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetDateTime(3));
    }

    /// <summary>Up to <paramref name="limit"/> messages newest first, all older than <paramref name="beforeSequence"/> when given.</summary>
    public async Task<IReadOnlyList<MessageView>> HistoryAsync(Guid conversationId, long? beforeSequence, int limit, CancellationToken cancellationToken)
    {
        var messages = new List<MessageView>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var history = new NpgsqlCommand(HistorySql, connection))
        {
            history.Parameters.Add(new NpgsqlParameter { Value = conversationId });
            history.Parameters.Add(new NpgsqlParameter { Value = beforeSequence ?? long.MaxValue });
            history.Parameters.Add(new NpgsqlParameter { Value = limit });
            await using var reader = await history.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                messages.Add(new MessageView(
                    reader.GetGuid(0), conversationId, reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                    JsonbText.Element(reader.GetString(4)), reader.GetDateTime(5)));
            }
        }

        // An empty page is the one case that needs to tell an unknown conversation from an exhausted one.
        if (messages.Count == 0 && await FindAsync(connection, conversationId, cancellationToken) is null)
        {
            throw NotFound(conversationId);
        }

        return messages;
    }

    /// <summary>Closes the conversation; closing a closed conversation changes nothing.</summary>
    public async Task<ConversationView> CloseAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var close = new NpgsqlCommand(
            $"UPDATE conversations SET status = 'closed', updated_at = now() WHERE id = $1 AND status = 'open' RETURNING {ConversationView.Columns}",
            connection))
        {
            close.Parameters.Add(new NpgsqlParameter { Value = conversationId });
            await using var reader = await close.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return ConversationView.Read(reader);
            }
        }

        return await FindAsync(connection, conversationId, cancellationToken) ?? throw NotFound(conversationId);
    }

    private static async Task<ConversationView> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long userId, long chatId, string? title, JsonElement? metadata, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(InsertConversationSql, connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = userId });
        insert.Parameters.Add(new NpgsqlParameter { Value = chatId });
        insert.Parameters.Add(new NpgsqlParameter { Value = title is null ? DBNull.Value : JsonbText.SanitizeText(title), NpgsqlDbType = NpgsqlDbType.Varchar });
        insert.Parameters.Add(new NpgsqlParameter { Value = ConversationMetadata.ToJsonb(metadata), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ConversationView.Read(reader);
    }

    private static async Task<ConversationView?> FindAsync(NpgsqlConnection connection, Guid conversationId, CancellationToken cancellationToken)
    {
        await using var find = new NpgsqlCommand($"SELECT {ConversationView.Columns} FROM conversations WHERE id = $1", connection);
        find.Parameters.Add(new NpgsqlParameter { Value = conversationId });
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ConversationView.Read(reader) : null;
    }

    private static async Task<ConversationView?> FindOpenAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long userId, long chatId, CancellationToken cancellationToken)
    {
        await using var find = new NpgsqlCommand(
            $"SELECT {ConversationView.Columns} FROM conversations WHERE user_id = $1 AND chat_id = $2 AND status = 'open' ORDER BY created_at DESC, id DESC LIMIT 1",
            connection,
            transaction);
        find.Parameters.Add(new NpgsqlParameter { Value = userId });
        find.Parameters.Add(new NpgsqlParameter { Value = chatId });
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ConversationView.Read(reader) : null;
    }

    private static NotFoundException NotFound(Guid conversationId) => new($"There is no conversation {conversationId}.");
}
