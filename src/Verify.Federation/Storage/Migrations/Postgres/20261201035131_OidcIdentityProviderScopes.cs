using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verify.Federation.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OidcIdentityProviderScopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "scopes",
                table: "oidc_identity_providers",
                type: "character varying(2020)",
                maxLength: 2020,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "scopes",
                table: "oidc_identity_providers");
        }
    }
}
