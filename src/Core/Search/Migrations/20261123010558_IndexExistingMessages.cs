using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monolith.Search.Migrations
{
    /// <summary>
    /// Backfill: messages stored before they were indexed on append get their search_index rows, without an
    /// embedding, so the embedding worker embeds them (full text finds them at once). The same rows and metadata as
    /// Conversations.MessageIndex writes: user and system messages, not forgotten ones. This data migration lives in
    /// the search module because its migrations run after the conversations module's (module order 5 after 3), so on a
    /// fresh database both tables exist. Re-running inserts nothing twice (ON CONFLICT DO NOTHING).
    /// </summary>
    public partial class IndexExistingMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                INSERT INTO search_index (entity_type, entity_id, user_id, content, metadata)
                SELECT 'message', m.id, c.user_id, m.content,
                       jsonb_build_object(
                           'conversationId', c.id, 'chatId', c.chat_id, 'sequence', m.sequence, 'role', m.role,
                           'createdAt', to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                FROM messages m JOIN conversations c ON c.id = m.conversation_id
                WHERE m.role IN ('user', 'system') AND NOT m.metadata @> '{"forgotten": true}'::jsonb
                ON CONFLICT (entity_type, entity_id) DO NOTHING
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM search_index s USING messages m WHERE s.entity_type = 'message' AND s.entity_id = m.id");
        }
    }
}
