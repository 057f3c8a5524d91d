using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monolith.Search.Migrations
{
    /// <summary>
    /// Backfill: messages stored before they were indexed on append get their search_index rows, without an
    /// embedding, so the embedding worker embeds them (full text finds them at once). The same rows and metadata as
    /// Conversations.MessageIndex writes: user and system messages, not forgotten ones. This data migration lives in
    /// the search module because its migrations run after the conversations module's (module order 5 after 3), so on a
    /// fresh database both tables exist. Re-running inserts nothing twice (ON CONFLICT DO NOTHING). It runs in batches
    /// that commit one by one (a DO block may COMMIT when it is not inside a transaction).
    /// </summary>
    public partial class IndexExistingMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Outside the migration's transaction, in batches of 1000 messages that each commit: on a large database no
            // transaction stays open for long (no snapshot that holds back vacuum, no lock held across the whole table),
            // and a crash keeps what was committed; running again inserts nothing twice.
            migrationBuilder.Sql("""
                DO $backfill$
                DECLARE
                    after uuid;
                    last uuid;
                BEGIN
                    LOOP
                        SELECT b.id INTO last
                        FROM (SELECT m.id FROM messages m WHERE after IS NULL OR m.id > after ORDER BY m.id LIMIT 1000) b
                        ORDER BY b.id DESC LIMIT 1;
                        EXIT WHEN last IS NULL;
                        INSERT INTO search_index (entity_type, entity_id, user_id, content, metadata)
                        SELECT 'message', m.id, c.user_id, m.content,
                               jsonb_build_object(
                                   'conversationId', c.id, 'chatId', c.chat_id, 'sequence', m.sequence, 'role', m.role,
                                   'createdAt', to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                        FROM messages m JOIN conversations c ON c.id = m.conversation_id
                        WHERE (after IS NULL OR m.id > after) AND m.id <= last
                          AND m.role IN ('user', 'system') AND NOT m.metadata @> '{"forgotten": true}'::jsonb
                        ON CONFLICT (entity_type, entity_id) DO NOTHING;
                        COMMIT;
                        after := last;
                    END LOOP;
                END
                $backfill$
                """, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM search_index s USING messages m WHERE s.entity_type = 'message' AND s.entity_id = m.id");
        }
    }
}
