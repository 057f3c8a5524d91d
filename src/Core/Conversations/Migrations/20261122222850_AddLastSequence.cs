using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monolith.Conversations.Migrations
{
    /// <inheritdoc />
    public partial class AddLastSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_sequence",
                table: "conversations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Conversations that already hold messages continue after their highest sequence.
            migrationBuilder.Sql("""
                UPDATE conversations c SET last_sequence = m.last
                FROM (SELECT conversation_id, max(sequence) AS last FROM messages GROUP BY conversation_id) m
                WHERE m.conversation_id = c.id
                """);

            migrationBuilder.CreateIndex(
                name: "IX_conversations_user_id_created_at_id",
                table: "conversations",
                columns: new[] { "user_id", "created_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_conversations_user_id_created_at_id",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "last_sequence",
                table: "conversations");
        }
    }
}
