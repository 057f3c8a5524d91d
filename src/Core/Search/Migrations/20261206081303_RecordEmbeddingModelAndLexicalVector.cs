using Microsoft.EntityFrameworkCore.Migrations;
using Pgvector;

#nullable disable

namespace Monolith.Search.Migrations
{
    /// <summary>
    /// embedding_model records which provider and model made each stored embedding (NULL for vectors stored before:
    /// unknown, so the service asks for a reindex before it compares them with a model's queries). lexical_embedding
    /// holds the content's hashed words and n-grams for hybrid search, filled as rows are (re)indexed.
    /// </summary>
    public partial class RecordEmbeddingModelAndLexicalVector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "embedding_model",
                table: "search_index",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<Vector>(
                name: "lexical_embedding",
                table: "search_index",
                type: "vector(384)",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_search_index_lexical_embedding_hnsw",
                table: "search_index",
                column: "lexical_embedding")
                .Annotation("Npgsql:IndexMethod", "hnsw")
                .Annotation("Npgsql:IndexOperators", new[] { "vector_cosine_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_search_index_lexical_embedding_hnsw",
                table: "search_index");

            migrationBuilder.DropColumn(
                name: "embedding_model",
                table: "search_index");

            migrationBuilder.DropColumn(
                name: "lexical_embedding",
                table: "search_index");
        }
    }
}
