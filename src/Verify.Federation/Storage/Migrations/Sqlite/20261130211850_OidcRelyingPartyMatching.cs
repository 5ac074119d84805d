using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verify.Federation.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OidcRelyingPartyMatching : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "account_creation_attributes",
                table: "oidc_relying_parties",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "account_creation_url",
                table: "oidc_relying_parties",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cycle3_attribute",
                table: "oidc_relying_parties",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "matching_service_metadata_xml",
                table: "oidc_relying_parties",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "matching_service_trust_kind",
                table: "oidc_relying_parties",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "account_creation_attributes",
                table: "oidc_relying_parties");

            migrationBuilder.DropColumn(
                name: "account_creation_url",
                table: "oidc_relying_parties");

            migrationBuilder.DropColumn(
                name: "cycle3_attribute",
                table: "oidc_relying_parties");

            migrationBuilder.DropColumn(
                name: "matching_service_metadata_xml",
                table: "oidc_relying_parties");

            migrationBuilder.DropColumn(
                name: "matching_service_trust_kind",
                table: "oidc_relying_parties");
        }
    }
}
