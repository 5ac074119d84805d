using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verify.Federation.Storage.Migrations.Sqlite
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    issuer = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    display_name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    display_name_cy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    levels = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    pinned_jwks = table.Column<string>(type: "TEXT", maxLength: 65536, nullable: true),
                    display_order = table.Column<int>(type: "INTEGER", nullable: false),
                    onboarding_only_for = table.Column<string>(type: "TEXT", nullable: false),
                    provide_registration_until = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    provide_sign_in_until = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    temporarily_unavailable = table.Column<bool>(type: "INTEGER", nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
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
