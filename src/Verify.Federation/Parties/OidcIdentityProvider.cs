using Verify.Federation.Storage.Entities;
using Verify.Hub.Journey.Assurance;
using Verify.Hub.Journey.Model;

namespace Verify.Federation.Parties;

/// <summary>
/// A registered identity provider that speaks OpenID Connect (ADR 0022), as a <see cref="FederationSnapshot"/> gives
/// it: immutable. Its <see cref="Issuer"/> is its ID in journeys, in the same namespace as SAML IDPs' entity IDs.
/// </summary>
public sealed class OidcIdentityProvider
{
    internal OidcIdentityProvider(OidcIdentityProviderEntity row)
    {
        Issuer = row.Issuer;
        ClientId = row.ClientId;
        DisplayName = new BilingualText(row.DisplayNameEn, row.DisplayNameCy);
        Enabled = row.Enabled;
        Levels = PartyLevels.Parse(row.Levels);
        PinnedJwks = row.PinnedJwks;
        Scopes = row.Scopes.Length == 0 ? [] : row.Scopes.Split(' ');
        DisplayOrder = row.DisplayOrder;
        OnboardingOnlyFor = row.OnboardingOnlyFor.Length == 0 ? [] : row.OnboardingOnlyFor.Split('\n');
        ProvideRegistrationUntil = row.ProvideRegistrationUntil;
        ProvideSignInUntil = row.ProvideSignInUntil;
        TemporarilyUnavailable = row.TemporarilyUnavailable;
        CreatedAt = row.CreatedAt;
        UpdatedAt = row.UpdatedAt;
    }

    /// <summary>The issuer identifier, compared exactly with ID tokens' <c>iss</c>.</summary>
    public string Issuer { get; }

    /// <summary>The client ID the hub uses at the IDP.</summary>
    public string ClientId { get; }

    /// <summary>The name citizens see.</summary>
    public BilingualText DisplayName { get; }

    /// <summary>Whether it is part of the federation.</summary>
    public bool Enabled { get; }

    /// <summary>The levels of assurance it is certified for.</summary>
    public LevelOfAssuranceSet Levels { get; }

    /// <summary>Its pinned key set, or null when its discovery document's <c>jwks_uri</c> is trusted.</summary>
    public string? PinnedJwks { get; }

    /// <summary>Scopes the hub asks for besides <c>openid</c>; empty for <c>openid</c> alone.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Position on the "choose a company" page; lower first.</summary>
    public int DisplayOrder { get; }

    /// <summary>While onboarding, the only RPs it is offered to; empty for every RP.</summary>
    public IReadOnlyList<string> OnboardingOnlyFor { get; }

    /// <summary>Soft disconnect: offered for registration only before this instant.</summary>
    public DateTimeOffset? ProvideRegistrationUntil { get; }

    /// <summary>Soft disconnect: offered for signing in only before this instant.</summary>
    public DateTimeOffset? ProvideSignInUntil { get; }

    /// <summary>Hidden from citizens for now; journeys under way still complete.</summary>
    public bool TemporarilyUnavailable { get; }

    /// <summary>When it was first registered.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When its registration last changed.</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>The same rule as <see cref="IdentityProvider.IsOfferedTo"/> (VERIFY-REFERENCE.md, select IDP).</summary>
    public bool IsOfferedTo(RelyingParty rp, JourneyIntent intent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rp);
        return rp.Enabled && IsOfferedToRp(rp.EntityId, rp.Levels, intent, now);
    }

    /// <summary>The same rule for an enabled RP of either protocol, by its ID and accepted levels (ADR 0021: OIDC RPs too).</summary>
    internal bool IsOfferedToRp(string rpId, LevelOfAssuranceSet rpLevels, JourneyIntent intent, DateTimeOffset now)
    {
        var until = intent switch
        {
            JourneyIntent.Registration => ProvideRegistrationUntil,
            JourneyIntent.SignIn => ProvideSignInUntil,
            _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, "Unknown journey intent."),
        };
        return Enabled
            && !TemporarilyUnavailable
            && (OnboardingOnlyFor.Count == 0 || OnboardingOnlyFor.Contains(rpId, StringComparer.Ordinal))
            && (until is not { } end || now < end)
            && Levels.Intersect(rpLevels) is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Issuer;
}
