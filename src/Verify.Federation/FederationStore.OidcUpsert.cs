using Verify.Federation.Storage;
using Verify.Saml.Trust;

namespace Verify.Federation;

/// <summary>The one add-or-update loop for OpenID Connect parties (IDPs by issuer, RPs by client ID).</summary>
public sealed partial class FederationStore
{
    // Within AddOrUpdateAsync's transaction: a registration without a row is added; one whose content and Enabled
    // flag match its row is left alone (nothing written, the revision does not move); any other updates its row.
    private static void UpsertOidcParties<TRegistration, TRow>(
        IReadOnlyCollection<TRegistration> registrations,
        IReadOnlyDictionary<string, TRow> rows,
        OidcUpsert<TRegistration, TRow> upsert,
        PartyRole role,
        DateTimeOffset now,
        List<StoreChange> changes)
        where TRow : class
    {
        foreach (var registration in registrations)
        {
            var id = upsert.IdOf(registration);
            var row = rows.GetValueOrDefault(id);
            StoreOutcome outcome;
            if (row is null)
            {
                upsert.Add(upsert.New(registration, now));
                outcome = StoreOutcome.Added;
            }
            else if (upsert.IsUnchanged(row, registration))
            {
                outcome = StoreOutcome.Unchanged;
            }
            else
            {
                upsert.Write(row, registration, now);
                outcome = StoreOutcome.Updated;
            }

            changes.Add(new StoreChange(id, role, outcome));
        }
    }

    // How one kind of OIDC party is keyed, compared, created and written (its *Rows class: the one write path).
    private sealed record OidcUpsert<TRegistration, TRow>(
        Func<TRegistration, string> IdOf,
        Func<TRow, TRegistration, bool> IsUnchanged,
        Func<TRegistration, DateTimeOffset, TRow> New,
        Action<TRow, TRegistration, DateTimeOffset> Write,
        Action<TRow> Add);
}
