using Verify.Federation.Parties;

namespace Verify.Federation.Registration;

/// <summary>
/// An identity provider that speaks OpenID Connect (ADR 0022): its issuer, the client ID the hub was given there,
/// and what the operator decides (as <see cref="IdentityProviderSettings"/>). Checked by
/// <see cref="OidcIdentityProviderRegistration.Create"/>.
/// </summary>
public sealed record OidcIdentityProviderSettings
{
    /// <summary>The issuer identifier: an https URL without query or fragment (OIDC Discovery 3).</summary>
    public required string Issuer { get; init; }

    /// <summary>The client ID the hub authenticates as at the IDP (<c>private_key_jwt</c>).</summary>
    public required string ClientId { get; init; }

    /// <summary>The levels of assurance the IDP is certified for, by name; at least one.</summary>
    public required IReadOnlyList<string> Levels { get; init; }

    /// <summary>
    /// The IDP's ID token signing keys as a JSON Web Key Set (public keys only), pinned; null to trust the keys
    /// published at the <c>jwks_uri</c> of its discovery document.
    /// </summary>
    public string? PinnedJwks { get; init; }

    /// <summary>
    /// Scopes the hub asks for besides <c>openid</c> (always asked), e.g. <c>profile</c> and <c>address</c> for an IDP
    /// that releases identity claims only for the standard scopes (OIDC Core 5.4); empty for <c>openid</c> alone.
    /// </summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The name citizens see; required (an issuer has no metadata to take one from).</summary>
    public required BilingualText DisplayName { get; init; }

    /// <summary>Whether the IDP is part of the federation.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Position on the "choose a company" page; lower first.</summary>
    public int DisplayOrder { get; init; }

    /// <summary>While onboarding, the RPs (entity IDs) it is offered to; empty for every RP.</summary>
    public IReadOnlyList<string> OnboardingOnlyFor { get; init; } = [];

    /// <summary>Soft disconnect: offered for registration only before this instant.</summary>
    public DateTimeOffset? ProvideRegistrationUntil { get; init; }

    /// <summary>Soft disconnect: offered for signing in only before this instant.</summary>
    public DateTimeOffset? ProvideSignInUntil { get; init; }

    /// <summary>Hidden from citizens for now.</summary>
    public bool TemporarilyUnavailable { get; init; }
}
