using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verify.Federation.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OidcRelyingPartyIdTokenAlg : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "id_token_signed_response_alg",
                table: "oidc_relying_parties",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "RS256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "id_token_signed_response_alg",
                table: "oidc_relying_parties");
        }
    }
}
