using System.Globalization;

using Verify.Federation.Parties;
using Verify.Hub.Journey.Assurance;

namespace Verify.Federation.Registration;

/// <summary>
/// An OpenID Connect identity provider's settings that passed every federation rule (ADR 0022); only
/// <see cref="Create"/> makes one, so the store never holds an unchecked issuer, client ID or key set.
/// </summary>
public sealed class OidcIdentityProviderRegistration
{
    /// <summary>The longest client ID accepted.</summary>
    public const int ClientIdLength = 200;

    private OidcIdentityProviderRegistration(OidcIdentityProviderSettings settings, bool allowLoopbackHttp)
    {
        Issuer = OidcChecks.Issuer(settings.Issuer, allowLoopbackHttp);
        ClientId = settings.ClientId?.Trim() is { Length: > 0 and <= ClientIdLength } clientId && !clientId.Any(char.IsControl)
            ? clientId
            : throw new RegistrationRefusedException($"The client ID of '{Issuer}' must be 1 to {ClientIdLength} printable characters: the one the IDP gave the hub.");
        Levels = SettingsChecks.Levels(settings.Levels, Issuer);
        PinnedJwks = settings.PinnedJwks is null ? null : OidcChecks.PublicJwks(settings.PinnedJwks, Issuer);
        Scopes = OidcChecks.Scopes(settings.Scopes, Issuer);
        DisplayName = SettingsChecks.Text(
            settings.DisplayName ?? throw new RegistrationRefusedException($"IDP '{Issuer}' needs a display name."), RegistrationLimits.DisplayNameLength, "display name");
        if (string.IsNullOrWhiteSpace(DisplayName.English))
        {
            throw new RegistrationRefusedException($"IDP '{Issuer}' needs an English display name.");
        }

        Enabled = settings.Enabled;
        DisplayOrder = settings.DisplayOrder;
        OnboardingOnlyFor = [.. (settings.OnboardingOnlyFor ?? []).Select(id => SettingsChecks.EntityId(id, "onboarding RP")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        if (OnboardingOnlyFor.Count > RegistrationLimits.MaxOnboardingRelyingParties)
        {
            throw new RegistrationRefusedException($"An IDP can be restricted to at most {RegistrationLimits.MaxOnboardingRelyingParties} RPs while onboarding.");
        }

        ProvideRegistrationUntil = SettingsChecks.Instant(settings.ProvideRegistrationUntil);
        ProvideSignInUntil = SettingsChecks.Instant(settings.ProvideSignInUntil);
        TemporarilyUnavailable = settings.TemporarilyUnavailable;
        ContentHash = Registration.ContentHash.Of(System.Text.Encoding.UTF8.GetBytes(Issuer), [
            ClientId, Levels.ToString(), PinnedJwks ?? "discovery", DisplayName.English, DisplayName.Welsh,
            DisplayOrder.ToString(CultureInfo.InvariantCulture), string.Join('\n', OnboardingOnlyFor),
            ProvideRegistrationUntil?.ToString("O", CultureInfo.InvariantCulture), ProvideSignInUntil?.ToString("O", CultureInfo.InvariantCulture),
            TemporarilyUnavailable ? "unavailable" : "available",

            // Only when there are any: the hash of a registration made before scopes existed does not change.
            .. Scopes.Count == 0 ? Array.Empty<string>() : ["scopes " + string.Join(' ', Scopes)],
        ]);
    }

    /// <summary>The issuer identifier (also the IDP's ID in journeys).</summary>
    public string Issuer { get; }

    /// <summary>The client ID the hub uses at the IDP.</summary>
    public string ClientId { get; }

    /// <summary>The levels of assurance the IDP is certified for.</summary>
    public LevelOfAssuranceSet Levels { get; }

    /// <summary>The pinned key set (public keys only, as given), or null to use the issuer's discovery document.</summary>
    public string? PinnedJwks { get; }

    /// <summary>Scopes asked for besides <c>openid</c>, sorted; empty for <c>openid</c> alone.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The name citizens see.</summary>
    public BilingualText DisplayName { get; }

    /// <summary>Whether the IDP is part of the federation.</summary>
    public bool Enabled { get; }

    /// <summary>Position on the "choose a company" page.</summary>
    public int DisplayOrder { get; }

    /// <summary>The RPs it is offered to while onboarding, sorted; empty for every RP.</summary>
    public IReadOnlyList<string> OnboardingOnlyFor { get; }

    /// <summary>Offered for registration only before this instant.</summary>
    public DateTimeOffset? ProvideRegistrationUntil { get; }

    /// <summary>Offered for signing in only before this instant.</summary>
    public DateTimeOffset? ProvideSignInUntil { get; }

    /// <summary>Hidden from citizens for now.</summary>
    public bool TemporarilyUnavailable { get; }

    internal string ContentHash { get; }

    /// <summary>Checks an OIDC IDP's settings against the federation's rules.</summary>
    /// <param name="settings">The issuer, client ID, levels, optional pinned keys, names and availability.</param>
    /// <param name="allowLoopbackHttp">Accept an <c>http</c> issuer on a loopback host (development only).</param>
    /// <exception cref="RegistrationRefusedException">A rule is broken; the message says which and what to do.</exception>
    public static OidcIdentityProviderRegistration Create(OidcIdentityProviderSettings settings, bool allowLoopbackHttp = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new OidcIdentityProviderRegistration(settings, allowLoopbackHttp);
    }
}
