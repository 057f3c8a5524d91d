using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monolith.Checkpoints.Migrations
{
    /// <inheritdoc />
    public partial class CheckpointKeyIsThePrimaryKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The surrogate id was never part of the API nor referenced by another table: (thread_id, checkpoint_ns,
            // checkpoint_id) identifies a checkpoint, and keying the table by it saves an index and 16 bytes a row.
            // The metadata GIN index goes too: every put paid for it, and only a cross-thread metadata filter used it.
            migrationBuilder.DropPrimaryKey(
                name: "PK_langgraph_checkpoints",
                table: "langgraph_checkpoints");

            migrationBuilder.DropIndex(
                name: "IX_langgraph_checkpoints_metadata",
                table: "langgraph_checkpoints");

            migrationBuilder.DropIndex(
                name: "IX_langgraph_checkpoints_thread_id_checkpoint_ns_checkpoint_id",
                table: "langgraph_checkpoints");

            migrationBuilder.DropColumn(
                name: "id",
                table: "langgraph_checkpoints");

            migrationBuilder.AddPrimaryKey(
                name: "PK_langgraph_checkpoints",
                table: "langgraph_checkpoints",
                columns: new[] { "thread_id", "checkpoint_ns", "checkpoint_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_langgraph_checkpoints",
                table: "langgraph_checkpoints");

            migrationBuilder.AddColumn<Guid>(
                name: "id",
                table: "langgraph_checkpoints",
                type: "uuid",
                nullable: false,
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddPrimaryKey(
                name: "PK_langgraph_checkpoints",
                table: "langgraph_checkpoints",
                column: "id");

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
    }
}
