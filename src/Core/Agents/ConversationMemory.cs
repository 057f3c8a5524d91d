using System.Text.Json;
using System.Text.Json.Nodes;
using Monolith.Conversations;
using Monolith.Search;

namespace Monolith.Agents;

/// <summary>
/// The agents' memory of a chat, through the public services of the modules that own the data: conversations and
/// their messages through <see cref="ConversationLog"/>, recall through the search module's hybrid
/// <see cref="DocumentSearch"/> over the messages indexed in search_index, limited to one user and one chat.
/// </summary>
public sealed class ConversationMemory(ConversationLog log, DocumentSearch search, MemorySettings settings)
{
    /// <summary>Marks a message the user asked to forget; its sequence stays so the conversation keeps no gap.</summary>
    public const string ForgottenText = "[forgotten]";

    /// <summary>The newest open conversation of this user in this chat, or a new one.</summary>
    public async Task<ChatConversation> StartOrContinueAsync(long userId, long chatId, CancellationToken cancellationToken)
    {
        var conversation = await log.StartOrContinueAsync(userId, chatId, cancellationToken);
        return new ChatConversation(conversation.Id, conversation.Metadata.GetRawText());
    }

    /// <summary>
    /// Appends a message with the conversation's next gap-free sequence; a user or system message becomes searchable
    /// unless <paramref name="searchable"/> is false (a command to the bot is not something to recall).
    /// </summary>
    public async Task<MemoryMessage> AppendAsync(Guid conversationId, string role, string content, JsonObject metadata, bool searchable, CancellationToken cancellationToken)
    {
        var message = await log.AppendAsync(conversationId, role, content, JsonSerializer.SerializeToElement(metadata), searchable, cancellationToken);
        return new MemoryMessage(message.Id, message.Sequence, message.Role, message.Content, message.CreatedAt);
    }

    /// <summary>The last messages of a conversation, oldest first.</summary>
    public async Task<IReadOnlyList<MemoryMessage>> RecentAsync(Guid conversationId, int limit, CancellationToken cancellationToken)
    {
        var newest = await log.HistoryAsync(conversationId, null, limit, cancellationToken);
        return [.. newest.Reverse().Select(m => new MemoryMessage(m.Id, m.Sequence, m.Role, m.Content, m.CreatedAt))];
    }

    /// <summary>
    /// Hybrid recall (semantic and full text, fused) over one user's indexed messages in one chat, best first, without
    /// <paramref name="excluding"/> (the message being answered). Forgotten messages have no search row, so never match.
    /// When the embedding provider is down, full text alone answers.
    /// </summary>
    public async Task<IReadOnlyList<MemoryHit>> SearchAsync(long userId, long chatId, string query, int limit, Guid? excluding, CancellationToken cancellationToken)
    {
        var filter = new SearchFilter([MessageIndex.EntityType], MessageIndex.ChatFilter(chatId), excluding, settings.MinSimilarity);
        IReadOnlyList<SearchHit> hits;
        try
        {
            hits = await search.HybridAsync(userId, query, limit, filter, cancellationToken);
        }
        catch (EmbeddingFailedException)
        {
            hits = await search.FullTextAsync(userId, query, limit, filter, cancellationToken);
        }

        return [.. hits.Select(Hit)];
    }

    /// <summary>Forgets the user's own message (by its sequence in this chat's conversation): text, metadata and search row.</summary>
    public Task<bool> ForgetAsync(Guid conversationId, long sequence, CancellationToken cancellationToken) =>
        log.ForgetAsync(conversationId, sequence, ForgottenText, cancellationToken);

    /// <summary>Applies an edit the user made in the chat to the stored message whose metadata contains <paramref name="match"/>.</summary>
    public async Task<bool> ReviseAsync(long userId, long chatId, JsonObject match, string content, CancellationToken cancellationToken) =>
        await log.ReviseAsync(userId, chatId, JsonSerializer.SerializeToElement(match), content, cancellationToken) > 0;

    public Task<UserStatsView> StatsAsync(long userId, CancellationToken cancellationToken) => log.StatsAsync(userId, cancellationToken);

    private static MemoryHit Hit(SearchHit hit)
    {
        var metadata = hit.Metadata;
        return new MemoryHit(
            hit.EntityId,
            metadata.TryGetProperty("sequence", out var sequence) && sequence.TryGetInt64(out var number) ? number : 0,
            metadata.TryGetProperty("role", out var role) ? role.GetString() ?? MessageRole.User : MessageRole.User,
            hit.Content,
            metadata.TryGetProperty("createdAt", out var at) && at.TryGetDateTimeOffset(out var createdAt) ? createdAt.UtcDateTime : DateTime.MinValue,
            hit.Score);
    }
}
