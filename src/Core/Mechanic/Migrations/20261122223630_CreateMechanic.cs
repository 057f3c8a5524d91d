using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monolith.Mechanic.Migrations
{
    /// <inheritdoc />
    public partial class CreateMechanic : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dynamic_migrations",
                columns: table => new
                {
                    version = table.Column<long>(type: "bigint", nullable: false),
                    migration_id = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    checksum = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    applied_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    entity_sources = table.Column<string>(type: "jsonb", nullable: false),
                    snapshot = table.Column<string>(type: "text", nullable: true),
                    entities = table.Column<string>(type: "jsonb", nullable: false),
                    change_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dynamic_migrations", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "schema_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    instruction = table.Column<string>(type: "text", nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request = table.Column<string>(type: "jsonb", nullable: false),
                    entity_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    table_name = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: true),
                    entity_source = table.Column<string>(type: "text", nullable: true),
                    entity_diff = table.Column<string>(type: "text", nullable: false),
                    migration_id = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    migration_sql = table.Column<string>(type: "text", nullable: false),
                    steps = table.Column<string>(type: "jsonb", nullable: false),
                    snapshot = table.Column<string>(type: "text", nullable: true),
                    entities = table.Column<string>(type: "jsonb", nullable: false),
                    files = table.Column<string>(type: "jsonb", nullable: false),
                    findings = table.Column<string>(type: "jsonb", nullable: false),
                    dry_run_ok = table.Column<bool>(type: "boolean", nullable: true),
                    dry_run_error = table.Column<string>(type: "text", nullable: true),
                    based_on_migration_id = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    backup_path = table.Column<string>(type: "text", nullable: true),
                    applied_version = table.Column<long>(type: "bigint", nullable: true),
                    git_commit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    audit_id = table.Column<long>(type: "bigint", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    reject_reason = table.Column<string>(type: "text", nullable: true),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    progress = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'[]'::jsonb"),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schema_changes", x => x.id);
                    table.CheckConstraint("ck_schema_changes_status", "status IN ('rejected', 'pending_review', 'approved', 'applied', 'failed')");
                });

            migrationBuilder.CreateIndex(
                name: "IX_dynamic_migrations_migration_id",
                table: "dynamic_migrations",
                column: "migration_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schema_changes_created_at",
                table: "schema_changes",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "IX_schema_changes_status_created_at",
                table: "schema_changes",
                columns: new[] { "status", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dynamic_migrations");

            migrationBuilder.DropTable(
                name: "schema_changes");
        }
    }
}
