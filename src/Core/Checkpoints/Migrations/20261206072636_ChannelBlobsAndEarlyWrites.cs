using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monolith.Checkpoints.Migrations
{
    /// <inheritdoc />
    public partial class ChannelBlobsAndEarlyWrites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "task_path",
                table: "checkpoint_writes",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "checkpoint_blobs",
                columns: table => new
                {
                    thread_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    checkpoint_ns = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    channel = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    version = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    value = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checkpoint_blobs", x => new { x.thread_id, x.checkpoint_ns, x.channel, x.version });
                });

            // Checkpoints stored before this migration hold every channel value inline. Each value that has a version
            // moves to checkpoint_blobs, but only where every checkpoint naming that (channel, version) holds the same
            // value: a value that differs (integer versions reused by a fork) stays inline, where it wins on reads.
            migrationBuilder.Sql("""
                INSERT INTO checkpoint_blobs (thread_id, checkpoint_ns, channel, version, value)
                SELECT c.thread_id, c.checkpoint_ns, e.key, v.value, (array_agg(e.value))[1]
                FROM langgraph_checkpoints c,
                    jsonb_each(CASE WHEN jsonb_typeof(c.checkpoint->'channel_values') = 'object' THEN c.checkpoint->'channel_values' ELSE '{}' END) e,
                    jsonb_each_text(CASE WHEN jsonb_typeof(c.checkpoint->'channel_versions') = 'object' THEN c.checkpoint->'channel_versions' ELSE '{}' END) v
                WHERE v.key = e.key AND length(e.key) <= 255 AND length(v.value) <= 255
                GROUP BY c.thread_id, c.checkpoint_ns, e.key, v.value
                HAVING count(DISTINCT e.value) = 1;

                UPDATE langgraph_checkpoints c
                SET checkpoint = jsonb_set(c.checkpoint, '{channel_values}', (c.checkpoint->'channel_values') - ARRAY(
                    SELECT e.key
                    FROM jsonb_each(c.checkpoint->'channel_values') e
                    JOIN jsonb_each_text(c.checkpoint->'channel_versions') v ON v.key = e.key
                    JOIN checkpoint_blobs b ON b.thread_id = c.thread_id AND b.checkpoint_ns = c.checkpoint_ns
                        AND b.channel = e.key AND b.version = v.value AND b.value = e.value))
                WHERE jsonb_typeof(c.checkpoint->'channel_values') = 'object' AND jsonb_typeof(c.checkpoint->'channel_versions') = 'object';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to every value inline: each checkpoint takes the blobs its channel_versions name.
            migrationBuilder.Sql("""
                UPDATE langgraph_checkpoints c
                SET checkpoint = jsonb_set(c.checkpoint, '{channel_values}', b.vals || coalesce(c.checkpoint->'channel_values', '{}'))
                FROM (
                    SELECT c2.thread_id, c2.checkpoint_ns, c2.checkpoint_id, jsonb_object_agg(bl.channel, bl.value) AS vals
                    FROM langgraph_checkpoints c2,
                        jsonb_each_text(CASE WHEN jsonb_typeof(c2.checkpoint->'channel_versions') = 'object' THEN c2.checkpoint->'channel_versions' ELSE '{}' END) v
                    JOIN checkpoint_blobs bl ON bl.channel = v.key AND bl.version = v.value
                    WHERE bl.thread_id = c2.thread_id AND bl.checkpoint_ns = c2.checkpoint_ns
                    GROUP BY c2.thread_id, c2.checkpoint_ns, c2.checkpoint_id) b
                WHERE c.thread_id = b.thread_id AND c.checkpoint_ns = b.checkpoint_ns AND c.checkpoint_id = b.checkpoint_id
                    AND jsonb_typeof(coalesce(c.checkpoint->'channel_values', '{}')) = 'object';
                """);

            migrationBuilder.DropTable(
                name: "checkpoint_blobs");

            migrationBuilder.DropColumn(
                name: "task_path",
                table: "checkpoint_writes");
        }
    }
}
