using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Verify.Federation.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OidcIdentityProviders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "oidc_identity_providers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    issuer = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    client_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    display_name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    display_name_cy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    levels = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    pinned_jwks = table.Column<string>(type: "character varying(65536)", maxLength: 65536, nullable: true),
                    display_order = table.Column<int>(type: "integer", nullable: false),
                    onboarding_only_for = table.Column<string>(type: "text", nullable: false),
                    provide_registration_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    provide_sign_in_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    temporarily_unavailable = table.Column<bool>(type: "boolean", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_oidc_identity_providers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_oidc_identity_providers_issuer",
                table: "oidc_identity_providers",
                column: "issuer",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "oidc_identity_providers");
        }
    }
}
