using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Verify.Federation.Storage.Migrations.Postgres
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    client_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    display_name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    display_name_cy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    levels = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    redirect_uris = table.Column<string>(type: "character varying(20490)", maxLength: 20490, nullable: false),
                    post_logout_redirect_uris = table.Column<string>(type: "character varying(20490)", maxLength: 20490, nullable: false),
                    jwks = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: true),
                    jwks_uri = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    scopes = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    claims = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    sector = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    client_secret_hash = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    service_homepage = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    other_ways_en = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    other_ways_cy = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
