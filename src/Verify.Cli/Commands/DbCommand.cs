using System.CommandLine;

using Microsoft.EntityFrameworkCore;

using Verify.Federation.Storage;
using Verify.Hub.Production;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify db migrate --connection …</c>: applies the hub's PostgreSQL migrations (federation store, data-protection
/// key table). Production never migrates implicitly: the operator runs this with the owner role, then starts nodes
/// with the application role.
/// </summary>
internal sealed class DbCommand : ICommandFactory
{
    /// <inheritdoc />
    public Command Create()
    {
        var connection = new Option<string>("--connection") { Description = "The PostgreSQL connection string (owner role).", Required = true };
        var migrate = new Command("migrate", "Apply the hub's database migrations (PostgreSQL).") { connection };
        migrate.SetAction(async (result, cancellationToken) =>
        {
            var conn = result.GetRequiredValue(connection);
            var output = result.InvocationConfiguration.Output;
            try
            {
                var federation = FederationDatabase.Create(FederationProvider.Postgres, conn);
                var pending = await federation.PendingMigrationsAsync(cancellationToken).ConfigureAwait(false);
                await federation.MigrateAsync(cancellationToken).ConfigureAwait(false);
                var options = new DbContextOptionsBuilder<DataProtectionKeysContext>().UseNpgsql(conn).Options;
                var keys = new DataProtectionKeysContext(options);
                await using (keys.ConfigureAwait(false))
                {
                    await keys.Database.ExecuteSqlRawAsync(DataProtectionKeysContext.CreateTableSql, cancellationToken).ConfigureAwait(false);
                }

                await output.WriteLineAsync($"federation store: {pending.Count} migration(s) applied; data-protection key table ready.").ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (Npgsql.NpgsqlException ex)
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
