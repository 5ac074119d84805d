using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verify.Matching.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "records",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    record_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    middle_names = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    surname = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    gender = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    first_name_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pid_links",
                columns: table => new
                {
                    hashed_pid = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    record_key = table.Column<long>(type: "INTEGER", nullable: false),
                    level_of_assurance = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pid_links", x => x.hashed_pid);
                    table.ForeignKey(
                        name: "FK_pid_links_records_record_key",
                        column: x => x.record_key,
                        principalTable: "records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "record_addresses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    record_key = table.Column<long>(type: "INTEGER", nullable: false),
                    lines = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: false),
                    postcode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    postcode_key = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    premises_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    block_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_addresses", x => x.id);
                    table.ForeignKey(
                        name: "FK_record_addresses_records_record_key",
                        column: x => x.record_key,
                        principalTable: "records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "record_identifiers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    record_key = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    lookup_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_identifiers", x => x.id);
                    table.ForeignKey(
                        name: "FK_record_identifiers_records_record_key",
                        column: x => x.record_key,
                        principalTable: "records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "record_names",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    record_key = table.Column<long>(type: "INTEGER", nullable: false),
                    surname = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    surname_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    is_previous = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_part = table.Column<bool>(type: "INTEGER", nullable: false),
                    block_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_names", x => x.id);
                    table.ForeignKey(
                        name: "FK_record_names_records_record_key",
                        column: x => x.record_key,
                        principalTable: "records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pid_links_record_key",
                table: "pid_links",
                column: "record_key");

            migrationBuilder.CreateIndex(
                name: "IX_record_addresses_block_key",
                table: "record_addresses",
                column: "block_key");

            migrationBuilder.CreateIndex(
                name: "IX_record_addresses_record_key",
                table: "record_addresses",
                column: "record_key");

            migrationBuilder.CreateIndex(
                name: "IX_record_identifiers_lookup_key",
                table: "record_identifiers",
                column: "lookup_key");

            migrationBuilder.CreateIndex(
                name: "IX_record_identifiers_record_key",
                table: "record_identifiers",
                column: "record_key");

            migrationBuilder.CreateIndex(
                name: "IX_record_names_block_key",
                table: "record_names",
                column: "block_key");

            migrationBuilder.CreateIndex(
                name: "IX_record_names_record_key",
                table: "record_names",
                column: "record_key");

            migrationBuilder.CreateIndex(
                name: "IX_records_record_id",
                table: "records",
                column: "record_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pid_links");

            migrationBuilder.DropTable(
                name: "record_addresses");

            migrationBuilder.DropTable(
                name: "record_identifiers");

            migrationBuilder.DropTable(
                name: "record_names");

            migrationBuilder.DropTable(
                name: "records");
        }
    }
}
