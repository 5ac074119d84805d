using Microsoft.EntityFrameworkCore;

namespace Verify.Audit.Storage;

/// <summary>The append-only grants (PostgreSQL): the application's role may INSERT and SELECT, nothing else.</summary>
public sealed partial class AuditDatabase
{
    /// <summary>
    /// Makes <c>audit_events</c> append-only for <paramref name="appRole"/>, the role the hub connects as: revokes every
    /// privilege on the table from PUBLIC and from that role, then grants it SELECT and INSERT only, so UPDATE, DELETE
    /// and TRUNCATE fail with "permission denied" before the triggers are even reached (the issue: the application's
    /// database role can INSERT but not UPDATE or DELETE). Run it as the table's owner after <see cref="MigrateAsync"/>;
    /// running it again changes nothing. On SQLite, which has no roles, it does nothing: the triggers are the only line.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="appRole"/> is not a plain role name.</exception>
    /// <exception cref="InvalidOperationException">
    /// The role does not exist, is a superuser, or owns the table (an owner or superuser bypasses grants, so the table
    /// would not be append-only for it).
    /// </exception>
    public async Task ApplyAppendOnlyGrantsAsync(string appRole, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appRole);
        if (!IsPlainRoleName(appRole))
        {
            throw new ArgumentException("The application role must be a plain PostgreSQL role name: a letter or underscore, then letters, digits or underscores, at most 63.", nameof(appRole));
        }

        if (Provider != AuditProvider.Postgres)
        {
            return;
        }

        var context = CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var superuser = await context.Database
                .SqlQuery<bool>($"SELECT rolsuper AS \"Value\" FROM pg_roles WHERE rolname = {appRole}")
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (superuser.Count == 0)
            {
                throw new InvalidOperationException($"There is no role '{appRole}'. Create the hub's role first (CREATE ROLE {appRole} LOGIN PASSWORD …).");
            }

            if (superuser[0])
            {
                throw new InvalidOperationException($"'{appRole}' is a superuser, which ignores grants: the hub must connect as an ordinary role.");
            }

            var owner = await context.Database
                .SqlQuery<string>($"SELECT tableowner AS \"Value\" FROM pg_tables WHERE tablename = {AuditDbContext.TableName} AND schemaname = current_schema()")
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("There is no audit_events table: run the migrations first.");
            if (owner == appRole)
            {
                throw new InvalidOperationException($"'{appRole}' owns audit_events, and an owner can always change its table: migrate as another role (the owner) and let the hub connect as '{appRole}'.");
            }

            // The role name was checked above to be a plain identifier, so quoting it is enough.
            var quoted = "\"" + appRole + "\"";
            var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var statement in new[]
                {
                    $"REVOKE ALL ON TABLE {AuditDbContext.TableName} FROM PUBLIC",
                    $"REVOKE ALL ON TABLE {AuditDbContext.TableName} FROM {quoted}",
                    $"GRANT SELECT, INSERT ON TABLE {AuditDbContext.TableName} TO {quoted}",
                })
                {
                    await context.Database.ExecuteSqlRawAsync(statement, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A name that needs no escaping inside double quotes: ASCII letters, digits and underscores, 1 to 63.</summary>
    internal static bool IsPlainRoleName(string name) =>
        name.Length is > 0 and <= 63
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
