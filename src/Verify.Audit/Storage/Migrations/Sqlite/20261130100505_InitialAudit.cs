using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verify.Audit.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    event_json = table.Column<string>(type: "TEXT", nullable: false),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_events", x => x.sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_event_id",
                table: "audit_events",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_events_event_type",
                table: "audit_events",
                column: "event_type");

            // Added by hand: the append-only rule (the issue), second line after the grants; SQLite has no roles, so
            // here it is the only line. RAISE(ABORT) undoes the statement and fails it.
            migrationBuilder.Sql(
                "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events " +
                "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: UPDATE refused'); END;");
            migrationBuilder.Sql(
                "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events " +
                "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only: DELETE refused'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_no_update;");

            migrationBuilder.DropTable(
                name: "audit_events");
        }
    }
}
