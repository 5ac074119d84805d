using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verify.Federation.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OidcRelyingParties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "oidc_relying_parties",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    display_name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    display_name_cy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    levels = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    redirect_uris = table.Column<string>(type: "TEXT", maxLength: 20490, nullable: false),
                    post_logout_redirect_uris = table.Column<string>(type: "TEXT", maxLength: 20490, nullable: false),
                    jwks = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: true),
                    jwks_uri = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    scopes = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    claims = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    sector = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    client_secret_hash = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    service_homepage = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    other_ways_en = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    other_ways_cy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oidc_relying_parties", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oidc_relying_parties_client_id",
                table: "oidc_relying_parties",
                column: "client_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oidc_relying_parties");
        }
    }
}
