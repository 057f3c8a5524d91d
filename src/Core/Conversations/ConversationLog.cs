using System.Text.Json;
using Monolith.Database;
using Monolith.Http;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Conversations;

/// <summary>
/// The conversations module's public service: start, continue, append to, read and close conversations.
/// The HTTP endpoints and in-process callers (the Telegram bot) go through it. Text is stored with \u0000 replaced by U+FFFD.
/// </summary>
public sealed class ConversationLog(NpgsqlDataSource dataSource)
{
    private const string InsertConversationSql = $"""
        INSERT INTO conversations (user_id, chat_id, title, metadata) VALUES ($1, $2, $3, $4)
        RETURNING {ConversationView.Columns}
        """;

    // One statement, so one transaction: the UPDATE takes the conversation's row lock, which serializes appenders of
    // this conversation only, and hands out the next number; if the INSERT fails the number is rolled back with it,
    // so sequences stay gap-free. Nothing here reads or rewrites the conversation's earlier messages.
    private const string AppendSql = """
        WITH next AS (
            UPDATE conversations SET last_sequence = last_sequence + 1, updated_at = now()
            WHERE id = $1 AND status = 'open'
            RETURNING id, last_sequence)
        INSERT INTO messages (conversation_id, sequence, role, content, metadata)
        SELECT id, last_sequence, $2, $3, $4 FROM next
        RETURNING id, sequence, created_at
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
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two first messages of one chat arriving together must continue one conversation, not open two.
        await using (var serialize = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('conversations:' || $1 || ':' || $2, 0))", connection, transaction))
        {
            serialize.Parameters.Add(new NpgsqlParameter { Value = userId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            serialize.Parameters.Add(new NpgsqlParameter { Value = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await serialize.ExecuteNonQueryAsync(cancellationToken);
        }

        ConversationView? open = null;
        await using (var find = new NpgsqlCommand(
            $"SELECT {ConversationView.Columns} FROM conversations WHERE user_id = $1 AND chat_id = $2 AND status = 'open' ORDER BY created_at DESC, id DESC LIMIT 1",
            connection,
            transaction))
        {
            find.Parameters.Add(new NpgsqlParameter { Value = userId });
            find.Parameters.Add(new NpgsqlParameter { Value = chatId });
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                open = ConversationView.Read(reader);
            }
        }

        open ??= await InsertAsync(connection, transaction, userId, chatId, null, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return open;
    }

    /// <summary>The conversation, or <see cref="NotFoundException"/>.</summary>
    public async Task<ConversationView> FindAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, conversationId, cancellationToken) ?? throw NotFound(conversationId);
    }

    /// <summary>
    /// Appends a message with the next sequence number; O(1) in the conversation's length and safe under concurrent appends.
    /// A closed conversation refuses with <see cref="ConflictException"/>, an unknown one with <see cref="NotFoundException"/>.
    /// </summary>
    public async Task<MessageView> AppendAsync(Guid conversationId, string role, string content, JsonElement? metadata, CancellationToken cancellationToken)
    {
        if (!MessageRole.IsKnown(role))
        {
            throw new BadRequestException("role", $"role must be one of {string.Join(", ", MessageRole.All)}.");
        }

        var storedContent = JsonbText.SanitizeText(content);
        var storedMetadata = ConversationMetadata.ToJsonb(metadata);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var append = new NpgsqlCommand(AppendSql, connection))
        {
            append.Parameters.Add(new NpgsqlParameter { Value = conversationId });
            append.Parameters.Add(new NpgsqlParameter { Value = role });
            append.Parameters.Add(new NpgsqlParameter { Value = storedContent });
            append.Parameters.Add(new NpgsqlParameter { Value = storedMetadata, NpgsqlDbType = NpgsqlDbType.Jsonb });
            await using var reader = await append.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return new MessageView(
                    reader.GetGuid(0), conversationId, reader.GetInt64(1), role, storedContent,
                    JsonDocument.Parse(storedMetadata).RootElement.Clone(), reader.GetDateTime(2));
            }
        }

        var conversation = await FindAsync(connection, conversationId, cancellationToken) ?? throw NotFound(conversationId);
        throw new ConflictException($"Conversation {conversation.Id} is {conversation.Status}: messages can only be appended to an open conversation.");
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
                    JsonDocument.Parse(reader.GetString(4)).RootElement.Clone(), reader.GetDateTime(5)));
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

    private static NotFoundException NotFound(Guid conversationId) => new($"There is no conversation {conversationId}.");
}
