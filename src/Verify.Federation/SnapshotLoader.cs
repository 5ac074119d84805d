using Verify.Federation.Parties;
using Verify.Federation.Publishing;
using Verify.Federation.Registration;
using Verify.Federation.Storage;
using Verify.Federation.Storage.Entities;
using Verify.Saml.Errors;

namespace Verify.Federation;

/// <summary>Builds a <see cref="FederationSnapshot"/> from rows, or from registrations for tools and tests that hold no store.</summary>
internal static class SnapshotLoader
{
    /// <summary>A snapshot of stored rows; a party whose metadata no longer reads is left out and named in the problems.</summary>
    public static FederationSnapshot Build(
        long revision,
        IEnumerable<RelyingPartyEntity> rps,
        IEnumerable<IdentityProviderEntity> idps,
        PublishedMetadata? published,
        TimeProvider timeProvider,
        IEnumerable<OidcIdentityProviderEntity>? oidcIdps = null,
        IEnumerable<OidcRelyingPartyEntity>? oidcRps = null)
    {
        var problems = new List<string>();
        var relyingParties = Load(rps, r => r.EntityId, PartyRows.ToRelyingParty, problems);
        var identityProviders = Load(idps, i => i.EntityId, PartyRows.ToIdentityProvider, problems);
        var oidcIdentityProviders = Load(oidcIdps ?? [], i => i.Issuer, OidcPartyRows.ToParty, problems);
        var oidcRelyingParties = Load(oidcRps ?? [], r => r.ClientId, OidcRelyingPartyRows.ToParty, problems);
        return new FederationSnapshot(revision, relyingParties, identityProviders, published, problems, timeProvider)
        {
            OidcIdentityProviders = oidcIdentityProviders,
            OidcRelyingParties = oidcRelyingParties,
        };
    }

    /// <summary>A snapshot of checked registrations, as the store would give them back, at revision 0.</summary>
    public static FederationSnapshot FromRegistrations(
        IEnumerable<RelyingPartyRegistration> rps,
        IEnumerable<IdentityProviderRegistration> idps,
        TimeProvider timeProvider,
        IEnumerable<OidcIdentityProviderRegistration>? oidcIdps = null,
        IEnumerable<OidcRelyingPartyRegistration>? oidcRps = null)
    {
        var now = SettingsChecks.Instant(timeProvider.GetUtcNow())!.Value;
        return Build(
            0, rps.Select(r => PartyRows.New(r, now)), idps.Select(i => PartyRows.New(i, now)), null, timeProvider,
            oidcIdps?.Select(i => OidcPartyRows.New(i, now)), oidcRps?.Select(r => OidcRelyingPartyRows.New(r, now)));
    }

    private static List<TParty> Load<TRow, TParty>(IEnumerable<TRow> rows, Func<TRow, string> entityId, Func<TRow, TParty> map, List<string> problems)
    {
        var parties = new List<TParty>();
        foreach (var row in rows)
        {
            try
            {
                parties.Add(map(row));
            }
            catch (Exception ex) when (ex is SamlException or InvalidOperationException or FormatException or System.Security.Cryptography.CryptographicException)
            {
                problems.Add($"{entityId(row)}: its stored metadata could not be read ({ex.Message}); register it again.");
            }
        }

        return parties;
    }
}
