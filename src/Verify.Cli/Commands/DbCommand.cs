using System.CommandLine;

using Microsoft.EntityFrameworkCore;

using Verify.Audit.Storage;
using Verify.Federation.Storage;
using Verify.Hub.Production;

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
                var role = result.GetValue(appRole);
                if (role is not null)
                {
                    await audit.ApplyAppendOnlyGrantsAsync(role, cancellationToken).ConfigureAwait(false);
                }

                var options = new DbContextOptionsBuilder<DataProtectionKeysContext>().UseNpgsql(conn).Options;
                var keys = new DataProtectionKeysContext(options);
                await using (keys.ConfigureAwait(false))
                {
                    await keys.Database.ExecuteSqlRawAsync(DataProtectionKeysContext.CreateTableSql, cancellationToken).ConfigureAwait(false);
                }

                await output.WriteLineAsync($"federation store: {pending.Count} migration(s) applied; audit trail: {auditPending.Count} migration(s) applied; data-protection key table ready.").ConfigureAwait(false);
                if (role is not null)
                {
                    await output.WriteLineAsync($"audit trail: role '{role}' may SELECT and INSERT only.").ConfigureAwait(false);
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
}
