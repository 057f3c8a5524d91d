using Monolith.Retention;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Retention;

public sealed class DeletedMessagesLeaveTheSearchIndex(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private readonly RetentionRows rows = new(fixture);

    [Fact]
    public async Task OldMessagesTakeTheirSearchRowsAndOtherDocumentsStay()
    {
        var open = await rows.ConversationAsync("open", 0);
        await rows.MessagesAsync(open, 4, daysAgo: 31);
        await rows.MessagesAsync(open, 2, daysAgo: 1);
        await IndexMessagesAndANoteAsync();

        await rows.Cleanup(RetentionRows.Settings(messagesDays: 30, batchSize: 3)).RunAsync(new CleanupRequest(), CancellationToken.None);

        Assert.Equal(2, await rows.CountAsync("SELECT count(*) FROM search_index s JOIN messages m ON m.id = s.entity_id WHERE s.entity_type = 'message'"));
        Assert.Equal(2, await rows.CountAsync("SELECT count(*) FROM search_index WHERE entity_type = 'message'"));
        Assert.Equal(1, await rows.CountAsync("SELECT count(*) FROM search_index WHERE entity_type = 'note'"));
    }

    [Fact]
    public async Task ExpiredClosedConversationsTakeTheSearchRowsOfTheirMessages()
    {
        var expired = await rows.ConversationAsync("closed", 100);
        await rows.MessagesAsync(expired, 5, daysAgo: 1);
        var kept = await rows.ConversationAsync("closed", 1);
        await rows.MessagesAsync(kept, 2, daysAgo: 1);
        await IndexMessagesAndANoteAsync();

        await rows.Cleanup(RetentionRows.Settings(closedDays: 90, batchSize: 2)).RunAsync(new CleanupRequest(), CancellationToken.None);

        Assert.Equal(2, await rows.CountAsync("SELECT count(*) FROM search_index WHERE entity_type = 'message'"));
        Assert.Equal(2, await rows.CountAsync("SELECT count(*) FROM search_index s JOIN messages m ON m.id = s.entity_id WHERE m.conversation_id = $1", kept));
        Assert.Equal(1, await rows.CountAsync("SELECT count(*) FROM search_index WHERE entity_type = 'note'"));
    }

    /// <summary>Every seeded message gets its search row (as ConversationLog writes it), plus a document of another type.</summary>
    private async Task IndexMessagesAndANoteAsync()
    {
        await rows.ScalarAsync("""
            INSERT INTO search_index (entity_type, entity_id, user_id, content, metadata)
            SELECT 'message', m.id, c.user_id, m.content, jsonb_build_object('conversationId', c.id, 'chatId', c.chat_id, 'sequence', m.sequence)
            FROM messages m JOIN conversations c ON c.id = m.conversation_id
            """);
        await rows.ScalarAsync("INSERT INTO search_index (entity_type, entity_id, user_id, content) VALUES ('note', gen_random_uuid(), 1, 'message 1')");
    }
}
