using System.CommandLine;

using Microsoft.EntityFrameworkCore;

using Verify.Audit.Storage;
using Verify.Federation.Storage;
using Verify.Hub.Production;
using Verify.OidcProvider.Storage;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify db migrate --connection … [--app-role ROLE]</c>: applies the hub's PostgreSQL migrations (federation store,
/// audit trail with its append-only triggers, data-protection key table) and, given the role hub nodes connect as,
/// grants it only SELECT and INSERT on the audit table. Production never migrates implicitly: the operator runs this
/// with the owner role, then starts nodes with the application role.
/// </summary>
internal sealed class DbCommand : ICommandFactory
{
    /// <inheritdoc />
    public Command Create()
    {
        var connection = new Option<string>("--connection") { Description = "The PostgreSQL connection string (owner role).", Required = true };
        var appRole = new Option<string?>("--app-role")
        {
            Description = "The role hub nodes connect as: granted SELECT and INSERT only on the audit trail (never UPDATE or DELETE).",
            HelpName = "ROLE",
        };
        var migrate = new Command("migrate", "Apply the hub's database migrations (PostgreSQL).") { connection, appRole };
        migrate.SetAction(async (result, cancellationToken) =>
        {
            var conn = result.GetRequiredValue(connection);
            var output = result.InvocationConfiguration.Output;
            try
            {
                var federation = FederationDatabase.Create(FederationProvider.Postgres, conn);
                var pending = await federation.PendingMigrationsAsync(cancellationToken).ConfigureAwait(false);
                await federation.MigrateAsync(cancellationToken).ConfigureAwait(false);
                var audit = AuditDatabase.Create(AuditProvider.Postgres, conn);
                var auditPending = await audit.PendingMigrationsAsync(cancellationToken).ConfigureAwait(false);
                await audit.MigrateAsync(cancellationToken).ConfigureAwait(false);
                var oidc = new OidcProviderStore(OidcProviderStoreKind.Postgres, conn);
                var oidcPending = await oidc.PendingMigrationsAsync(cancellationToken).ConfigureAwait(false);
                await oidc.MigrateAsync(cancellationToken).ConfigureAwait(false);
                var role = result.GetValue(appRole);
                if (role is not null)
                {
                    // Checks the role (exists, not a superuser, not the owner) and makes the audit trail append-only for it.
                    await audit.ApplyAppendOnlyGrantsAsync(role, cancellationToken).ConfigureAwait(false);
                }

                var options = new DbContextOptionsBuilder<DataProtectionKeysContext>().UseNpgsql(conn).Options;
                var keys = new DataProtectionKeysContext(options);
                await using (keys.ConfigureAwait(false))
                {
                    await keys.Database.ExecuteSqlRawAsync(DataProtectionKeysContext.CreateTableSql, cancellationToken).ConfigureAwait(false);
                }

                if (role is not null)
                {
                    await GrantHubNodeAsync(conn, role, cancellationToken).ConfigureAwait(false);
                }

                await output.WriteLineAsync($"federation store: {pending.Count} migration(s) applied; audit trail: {auditPending.Count} migration(s) applied; OpenID Provider store: {oidcPending.Count} migration(s) applied; data-protection key table ready.").ConfigureAwait(false);
                if (role is not null)
                {
                    await output.WriteLineAsync($"role '{role}': may read the federation store, add data-protection keys, keep the OpenID Provider's codes and tokens, and SELECT and INSERT only on the audit trail.").ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or ArgumentException)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"verify db migrate: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        var db = new Command("db", "The hub's database.");
        db.Subcommands.Add(migrate);
        return db;
    }

    /// <summary>
    /// What a hub node needs and no more: read the federation store (and the migration histories it checks at start),
    /// read and add data-protection keys, write and prune the OpenID Provider's authorizations and tokens (ADR 0021).
    /// The audit table keeps only SELECT and INSERT; nothing else is writable.
    /// </summary>
    private static async Task GrantHubNodeAsync(string connection, string role, CancellationToken cancellationToken)
    {
        // The role name was checked to be a plain identifier by ApplyAppendOnlyGrantsAsync, so quoting it is enough.
        var quoted = "\"" + role + "\"";
        var db = new Npgsql.NpgsqlConnection(connection);
        await using (db.ConfigureAwait(false))
        {
            await db.OpenAsync(cancellationToken).ConfigureAwait(false);
            string schema;
            var current = new Npgsql.NpgsqlCommand("SELECT current_schema()", db);
            await using (current.ConfigureAwait(false))
            {
                schema = (string)(await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            var quotedSchema = "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            foreach (var statement in new[]
            {
                $"GRANT USAGE ON SCHEMA {quotedSchema} TO {quoted}",
                $"GRANT SELECT ON ALL TABLES IN SCHEMA {quotedSchema} TO {quoted}",
                $"GRANT SELECT, INSERT ON TABLE \"DataProtectionKeys\" TO {quoted}",
                $"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE \"OpenIddictAuthorizations\", \"OpenIddictTokens\" TO {quoted}",
                $"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {quotedSchema} TO {quoted}",
            })
            {
                var command = new Npgsql.NpgsqlCommand(statement, db);
                await using (command.ConfigureAwait(false))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
