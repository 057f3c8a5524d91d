using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monolith.Checkpoints.Migrations
{
    /// <inheritdoc />
    public partial class CreateCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "checkpoint_writes",
                columns: table => new
                {
                    thread_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    checkpoint_ns = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    checkpoint_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    task_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    idx = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    value = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checkpoint_writes", x => new { x.thread_id, x.checkpoint_ns, x.checkpoint_id, x.task_id, x.idx });
                });

            migrationBuilder.CreateTable(
                name: "langgraph_checkpoints",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    thread_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    checkpoint_ns = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, defaultValue: ""),
                    checkpoint_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    parent_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    checkpoint = table.Column<string>(type: "jsonb", nullable: false),
                    metadata = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_langgraph_checkpoints", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_langgraph_checkpoints_metadata",
                table: "langgraph_checkpoints",
                column: "metadata")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_langgraph_checkpoints_thread_id_checkpoint_ns_checkpoint_id",
                table: "langgraph_checkpoints",
                columns: new[] { "thread_id", "checkpoint_ns", "checkpoint_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "checkpoint_writes");

            migrationBuilder.DropTable(
                name: "langgraph_checkpoints");
        }
    }
}
