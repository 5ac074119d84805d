using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verify.Federation.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialFederation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "federation_revision",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_federation_revision", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_providers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    display_name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    display_name_cy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    levels = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    trust_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    metadata_xml = table.Column<byte[]>(type: "BLOB", nullable: false),
                    single_sign_on_url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    display_order = table.Column<int>(type: "INTEGER", nullable: false),
                    provide_registration_until = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    provide_sign_in_until = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    temporarily_unavailable = table.Column<bool>(type: "INTEGER", nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_providers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "published_metadata",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    xml = table.Column<byte[]>(type: "BLOB", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    valid_until = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_published_metadata", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "relying_parties",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    display_name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    display_name_cy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    levels = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    trust_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    metadata_xml = table.Column<byte[]>(type: "BLOB", nullable: false),
                    service_homepage = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    other_ways_en = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    other_ways_cy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    matching_service_entity_id = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_relying_parties", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "identity_provider_certificates",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    use = table.Column<int>(type: "INTEGER", nullable: false),
                    der = table.Column<byte[]>(type: "BLOB", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    not_after = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    identity_provider_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_provider_certificates", x => x.id);
                    table.ForeignKey(
                        name: "FK_identity_provider_certificates_identity_providers_identity_provider_id",
                        column: x => x.identity_provider_id,
                        principalTable: "identity_providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_provider_onboarding",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    relying_party_entity_id = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    identity_provider_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_provider_onboarding", x => x.id);
                    table.ForeignKey(
                        name: "FK_identity_provider_onboarding_identity_providers_identity_provider_id",
                        column: x => x.identity_provider_id,
                        principalTable: "identity_providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "relying_party_acs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    index = table.Column<int>(type: "INTEGER", nullable: false),
                    is_default = table.Column<bool>(type: "INTEGER", nullable: false),
                    relying_party_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_relying_party_acs", x => x.id);
                    table.ForeignKey(
                        name: "FK_relying_party_acs_relying_parties_relying_party_id",
                        column: x => x.relying_party_id,
                        principalTable: "relying_parties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "relying_party_certificates",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    use = table.Column<int>(type: "INTEGER", nullable: false),
                    der = table.Column<byte[]>(type: "BLOB", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    not_after = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    relying_party_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_relying_party_certificates", x => x.id);
                    table.ForeignKey(
                        name: "FK_relying_party_certificates_relying_parties_relying_party_id",
                        column: x => x.relying_party_id,
                        principalTable: "relying_parties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "federation_revision",
                columns: new[] { "id", "revision" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_identity_provider_certificates_identity_provider_id",
                table: "identity_provider_certificates",
                column: "identity_provider_id");

            migrationBuilder.CreateIndex(
                name: "IX_identity_provider_certificates_sha256",
                table: "identity_provider_certificates",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "IX_identity_provider_onboarding_identity_provider_id",
                table: "identity_provider_onboarding",
                column: "identity_provider_id");

            migrationBuilder.CreateIndex(
                name: "IX_identity_providers_entity_id",
                table: "identity_providers",
                column: "entity_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_relying_parties_entity_id",
                table: "relying_parties",
                column: "entity_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_relying_party_acs_relying_party_id_index",
                table: "relying_party_acs",
                columns: new[] { "relying_party_id", "index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_relying_party_certificates_relying_party_id",
                table: "relying_party_certificates",
                column: "relying_party_id");

            migrationBuilder.CreateIndex(
                name: "IX_relying_party_certificates_sha256",
                table: "relying_party_certificates",
                column: "sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "federation_revision");

            migrationBuilder.DropTable(
                name: "identity_provider_certificates");

            migrationBuilder.DropTable(
                name: "identity_provider_onboarding");

            migrationBuilder.DropTable(
                name: "published_metadata");

            migrationBuilder.DropTable(
                name: "relying_party_acs");

            migrationBuilder.DropTable(
                name: "relying_party_certificates");

            migrationBuilder.DropTable(
                name: "identity_providers");

            migrationBuilder.DropTable(
                name: "relying_parties");
        }
    }
}
