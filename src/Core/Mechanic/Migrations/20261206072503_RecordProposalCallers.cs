using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monolith.Mechanic.Migrations
{
    /// <inheritdoc />
    public partial class RecordProposalCallers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "proposed_by",
                table: "schema_changes",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "reviewed_by",
                table: "schema_changes",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "proposed_by",
                table: "schema_changes");

            migrationBuilder.DropColumn(
                name: "reviewed_by",
                table: "schema_changes");
        }
    }
}
