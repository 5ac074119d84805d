using Verify.Federation.Parties;
using Verify.Federation.Registration;
using Verify.Federation.Storage.Entities;

namespace Verify.Federation.Storage;

/// <summary>The one write path for OpenID Connect IDP rows (as <see cref="PartyRows"/> is for SAML parties).</summary>
internal static class OidcPartyRows
{
    public static void Write(OidcIdentityProviderEntity row, OidcIdentityProviderRegistration registration, DateTimeOffset now)
    {
        row.Issuer = registration.Issuer;
        row.ClientId = registration.ClientId;
        row.DisplayNameEn = registration.DisplayName.English;
        row.DisplayNameCy = registration.DisplayName.Welsh;
        row.Enabled = registration.Enabled;
        row.Levels = registration.Levels.ToString();
        row.PinnedJwks = registration.PinnedJwks;
        row.Scopes = string.Join(' ', registration.Scopes);
        row.DisplayOrder = registration.DisplayOrder;
        row.OnboardingOnlyFor = string.Join('\n', registration.OnboardingOnlyFor);
        row.ProvideRegistrationUntil = registration.ProvideRegistrationUntil;
        row.ProvideSignInUntil = registration.ProvideSignInUntil;
        row.TemporarilyUnavailable = registration.TemporarilyUnavailable;
        row.ContentHash = registration.ContentHash;
        row.UpdatedAt = now;
    }

    public static OidcIdentityProviderEntity New(OidcIdentityProviderRegistration registration, DateTimeOffset now)
    {
        var row = new OidcIdentityProviderEntity
        {
            Issuer = registration.Issuer,
            ClientId = registration.ClientId,
            DisplayNameEn = registration.DisplayName.English,
            Levels = registration.Levels.ToString(),
            OnboardingOnlyFor = "",
            ContentHash = registration.ContentHash,
            CreatedAt = now,
        };
        Write(row, registration, now);
        return row;
    }

    public static OidcIdentityProvider ToParty(OidcIdentityProviderEntity row) => new(row);
}
