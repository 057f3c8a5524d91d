using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Monolith.Search.Migrations
{
    /// <inheritdoc />
    public partial class SearchOutboxAndFullText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "embed_after",
                table: "search_index",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<int>(
                name: "embed_attempts",
                table: "search_index",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "embed_error",
                table: "search_index",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "search_index",
                type: "tsvector",
                nullable: false,
                computedColumnSql: "to_tsvector('simple'::regconfig, content) || to_tsvector('english'::regconfig, content) || to_tsvector('russian'::regconfig, content)",
                stored: true);

            migrationBuilder.CreateTable(
                name: "search_reindex_progress",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    last_id = table.Column<Guid>(type: "uuid", nullable: false),
                    done = table.Column<long>(type: "bigint", nullable: false),
                    dimension = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_reindex_progress", x => x.scope);
                });

            migrationBuilder.CreateIndex(
                name: "ix_search_index_pending",
                table: "search_index",
                column: "embed_after",
                filter: "embedding IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_search_index_search_vector",
                table: "search_index",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "search_reindex_progress");

            migrationBuilder.DropIndex(
                name: "ix_search_index_pending",
                table: "search_index");

            migrationBuilder.DropIndex(
                name: "ix_search_index_search_vector",
                table: "search_index");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "search_index");

            migrationBuilder.DropColumn(
                name: "embed_after",
                table: "search_index");

            migrationBuilder.DropColumn(
                name: "embed_attempts",
                table: "search_index");

            migrationBuilder.DropColumn(
                name: "embed_error",
                table: "search_index");
        }
    }
}
